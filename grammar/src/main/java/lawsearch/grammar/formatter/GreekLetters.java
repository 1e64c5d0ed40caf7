package lawsearch.grammar.formatter;

import java.util.List;

/**
 * The Greek letters' names a law's decay exponents are named by (alpha, beta, ...), in alphabet
 * order, and the letter each stands for, so a page can set {@code alpha} as α. Pi is left out: a
 * constant named pi would read as 3.14159.
 */
public final class GreekLetters {
    private GreekLetters() { }

    public static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
            "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega");

    /** The letters of {@link #NAMES}, in the same order. */
    private static final String LETTERS = "αβγδεζηθικλμνξορστυφχψω";

    /** The letter {@code name} names, or null when it names none. */
    public static Character letter(String name) {
        int i = NAMES.indexOf(name);
        return i < 0 ? null : LETTERS.charAt(i);
    }
}
