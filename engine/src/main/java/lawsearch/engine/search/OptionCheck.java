package lawsearch.engine.search;

/**
 * The one-line refusal of an out-of-range option. Its own class, not a method of
 * {@link SearchOptions}: the nested records' constructors call it while SearchOptions' defaults are
 * still being built from theirs, and calling into SearchOptions would start that class's
 * initialisation from inside theirs.
 */
final class OptionCheck {
    private OptionCheck() { }

    /** Refuses a value with one line naming its key: {@code parsimony: must be a finite number >= 0, got -1.0}. */
    static void check(boolean ok, String key, String expected, Object got) {
        if (!ok) {
            throw new IllegalArgumentException(key + ": must be " + expected + ", got " + got);
        }
    }
}
