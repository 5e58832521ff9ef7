package io.kadam.jobs.store;

/**
 * The output directory cannot take this run: it holds another schema version, or another spec
 * under the same sweep name. A refusal to report to the user, not an I/O error to retry.
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
