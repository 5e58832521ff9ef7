package io.kadam.jobs.spec;

import java.util.function.DoublePredicate;

/** What a number in a spec must be; {@code expected} is the text after "must be" in an error. */
enum Range {
    ANY("a finite number", x -> true),
    POSITIVE("a number > 0", x -> x > 0),
    NON_NEGATIVE("a number >= 0", x -> x >= 0),
    OPEN_UNIT("a number in the open interval (0, 1)", x -> x > 0 && x < 1);

    final String expected;
    final DoublePredicate ok;

    Range(String expected, DoublePredicate ok) {
        this.expected = expected;
        this.ok = ok;
    }
}
