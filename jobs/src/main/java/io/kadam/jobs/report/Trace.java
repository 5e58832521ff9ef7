package io.kadam.jobs.report;

/** A curve of one trial: x (an iteration n) against y, in increasing x, same length. */
public record Trace(double[] x, double[] y) {

    public Trace {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
    }

    public int size() {
        return x.length;
    }

    public boolean isEmpty() {
        return x.length == 0;
    }
}
