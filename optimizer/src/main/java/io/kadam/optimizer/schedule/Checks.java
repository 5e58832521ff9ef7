package io.kadam.optimizer.schedule;

/** Argument checks shared by the schedules. */
final class Checks {
    private Checks() {}

    static void learningRate(String field, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + lr);
        }
    }
}
