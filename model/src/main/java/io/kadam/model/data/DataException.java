package io.kadam.model.data;

/**
 * Every problem with training data: a missing or malformed file, a bad argument to a loader, a
 * dataset too small for what was asked. Messages name the file (full path) and, for corrupt
 * files, the byte offset, so a failed trial in a sweep can be fixed without a debugger.
 */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
