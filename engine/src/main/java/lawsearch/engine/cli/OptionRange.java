package lawsearch.engine.cli;

import lawsearch.grammar.core.UserError;

/**
 * The one-line refusal of a command-line number out of range, in the same words for every command
 * ({@code --threads must be at least 1, got 0}); Main prints it and exits 2. Commands check their
 * options first, before reading data or writing a file.
 */
final class OptionRange {
    private OptionRange() { }

    static void atLeast(String option, long got, long min) {
        if (got < min) {
            throw new UserError(option + " must be at least " + min + ", got " + got);
        }
    }

    /** Each value of a list option such as {@code --threads 1,2}. */
    static void atLeast(String option, int[] got, long min) {
        for (int v : got) {
            atLeast(option, v, min);
        }
    }

    /** A null value was not given (the default applies). */
    static void atLeast(String option, Integer got, long min) {
        if (got != null) {
            atLeast(option, (long) got, min);
        }
    }

    /** A ForkJoin pool holds at most 32767 threads; above that it throws rather than refuse in words. */
    static final int MAX_THREADS = 32767;

    /** --threads: from 1 to {@link #MAX_THREADS}. */
    static void threads(long got) {
        atLeast("--threads", got, 1);
        if (got > MAX_THREADS) {
            throw new UserError("--threads must be at most " + MAX_THREADS + " (a ForkJoin pool's limit), got " + got);
        }
    }

    /** Each value of {@code --threads 1,2}. */
    static void threads(int[] got) {
        for (int v : got) {
            threads(v);
        }
    }

    static void positive(String option, double got) {
        if (!(got > 0) || Double.isInfinite(got)) {
            throw new UserError(option + " must be a positive number, got " + got);
        }
    }
}
