package lawsearch.grammar.operators;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.simplify.Simplifier;

/**
 * Removes constants a law does not need. In {@code c7/(U·c8)^c2} any change of c8 is undone by c7
 * (c8^-c2 is just a number), so the law has one fitted constant fewer than it names: c8 is fixed
 * to 1. Likewise a constant added where another one already shifts the sum ({@code c0 + (x + k)},
 * {@code c·exp(b·x + k)}, {@code c0 + c1·log(x·k)}) is fixed to 0 or 1.
 *
 * <p>Why the search needs this: a redundant constant makes the fit's Jacobian singular, so the
 * multi-start fit lands on different optima from run to run (data_constrained's reported law moved
 * between test R² 0.87 and 0.99 with the number of starts), and it spends the task's parameter cap
 * on nothing. The reduced law describes the same functions, so nothing the search could find is
 * lost:
 * <ul>
 *   <li>the constant that absorbs the change (the compensator) occurs once and is unbounded;</li>
 *   <li>the removed constant occurs once;</li>
 *   <li>under a power with a non-integer exponent, a square root or a log, a negative constant would
 *       only make the argument negative, so it may be fixed to 1 only when the rest of that argument
 *       is positive whatever the constants are (positive variables and numbers, exp, sqrt, powers of
 *       positives).</li>
 * </ul>
 * The grammar names the positive variables: those it divides by a typical scale.
 */
public final class Redundancy {
    private Redundancy() { }

    /** {@code law} with its redundant constants fixed, one at a time until none is left. */
    public static Law reduce(Law law, Grammar grammar) {
        Law out = law;
        for (int round = 0; round <= law.parameters().size(); round++) {
            Map.Entry<String, Double> r = redundant(out, grammar);
            if (r == null) {
                return out;
            }
            Expr fixed = Simplifier.simplify(Trees.replaceParam(out.expr(), r.getKey(), new Num(r.getValue())));
            out = Trees.withExpr(out, fixed, Bounds.NONE);
        }
        return out;
    }

    /** The first redundant constant, left to right, and the value it is fixed to; null when there is none. */
    static Map.Entry<String, Double> redundant(Law law, Grammar grammar) {
        Finder f = new Finder(law, grammar.scales().keySet());
        f.walk(law.expr(), null, null);
        return f.found == null ? null : Map.entry(f.found, f.value);
    }

    /** One walk over the tree; stops at the first redundant constant, left to right. */
    private static final class Finder {
        private final Map<String, Integer> uses = new HashMap<>();
        private final Law law;
        private final Set<String> positive;
        String found;
        double value;

        Finder(Law law, Set<String> positive) {
            this.law = law;
            this.positive = positive;
            count(law.expr());
        }

        private void count(Expr e) {
            switch (e) {
                case Param p -> uses.merge(p.name(), 1, Integer::sum);
                case Unary u -> count(u.arg());
                case Binary b -> {
                    count(b.left());
                    count(b.right());
                }
                default -> { }
            }
        }

        /**
         * {@code scaleBy}: a compensator that undoes multiplying {@code e} by any non-zero number;
         * {@code shiftBy}: one that undoes adding any number to {@code e} (null: none).
         */
        void walk(Expr e, String scaleBy, String shiftBy) {
            if (found != null) {
                return;
            }
            switch (e) {
                case Param p -> {
                    if (once(p) && scaleBy != null && !scaleBy.equals(p.name())) {
                        found(p.name(), 1);
                    } else if (once(p) && shiftBy != null && !shiftBy.equals(p.name())) {
                        found(p.name(), 0);
                    }
                }
                case Unary u -> unary(u, scaleBy, shiftBy);
                case Binary b -> binary(b, scaleBy, shiftBy);
                default -> { }
            }
        }

        private void unary(Unary u, String scaleBy, String shiftBy) {
            switch (u.fn()) {
                case NEG -> walk(u.arg(), scaleBy, shiftBy);
                case EXP -> walk(u.arg(), null, scaleBy);        // c·exp(a + k) = (c·e^k)·exp(a)
                case SQRT -> {
                    positiveFactor(u.arg(), scaleBy);            // sqrt(k·x) = sqrt(k)·sqrt(x)
                    walk(u.arg(), null, null);
                }
                case LOG -> {
                    positiveFactor(u.arg(), shiftBy);            // log(k·x) = log(k) + log(x)
                    walk(u.arg(), null, null);
                }
                default -> walk(u.arg(), null, null);
            }
        }

        private void binary(Binary b, String scaleBy, String shiftBy) {
            Expr l = b.left();
            Expr r = b.right();
            switch (b.op()) {
                case ADD, SUB -> {
                    walk(l, null, or(shiftBy, compensator(r)));
                    walk(r, null, or(shiftBy, compensator(l)));
                }
                case MUL -> {
                    // c·(x + k) shifts by c·k, a number, when c holds no variable.
                    walk(l, or(scaleBy, compensator(r)), Trees.hasVar(r) ? null : shiftBy);
                    walk(r, or(scaleBy, compensator(l)), Trees.hasVar(l) ? null : shiftBy);
                }
                case DIV -> {
                    walk(l, or(scaleBy, compensator(r)), Trees.hasVar(r) ? null : shiftBy);
                    walk(r, or(scaleBy, compensator(l)), null);
                }
                case POW -> {
                    if (r instanceof Num n && n.value() == Math.rint(n.value())) {
                        walk(l, scaleBy, null);                  // (k·x)^2 = k^2·x^2, any sign of k
                    } else if (!Trees.hasVar(r)) {               // (k·x)^y would scale by k^y, which varies
                        positiveFactor(l, scaleBy);
                        walk(l, null, null);
                    } else {
                        walk(l, null, null);
                    }
                    walk(r, null, null);
                }
            }
        }

        /**
         * Under sqrt, log or a real power, {@code e} may only be scaled by a positive number: looks
         * for the single constant among its factors (through products, quotients, square roots and
         * powers) and fixes it to 1 when every other factor is positive.
         */
        private void positiveFactor(Expr e, String compensator) {
            if (found != null || compensator == null) {
                return;
            }
            String[] param = {null};
            if (factors(e, compensator, param) && param[0] != null) {
                found(param[0], 1);
            }
        }

        /** Whether {@code e}'s factors are positive but for at most one once-used constant (put in {@code param}). */
        private boolean factors(Expr e, String compensator, String[] param) {
            return switch (e) {
                case Param p -> {
                    if (param[0] != null || !once(p) || p.name().equals(compensator)) {
                        yield false;
                    }
                    param[0] = p.name();
                    yield true;
                }
                case Binary b when b.op() == Op.MUL || b.op() == Op.DIV ->
                        factors(b.left(), compensator, param) && factors(b.right(), compensator, param);
                case Binary b when b.op() == Op.POW -> !Trees.hasVar(b.right()) && factors(b.left(), compensator, param);
                case Unary u when u.fn() == Fn.SQRT -> factors(u.arg(), compensator, param);
                default -> positive(e);
            };
        }

        /** Positive (or NaN) whatever the constants are. */
        private boolean positive(Expr e) {
            return switch (e) {
                case Num n -> n.value() > 0;
                case Var v -> positive.contains(v.name());
                case Param p -> false;
                case Unary u -> u.fn() == Fn.EXP || u.fn() == Fn.SQRT || u.fn() == Fn.ABS;
                case Binary b -> b.op() == Op.POW ? positive(b.left()) : b.op() != Op.SUB && positive(b.left()) && positive(b.right());
            };
        }

        /** The name of {@code e} when it is a constant that can absorb a change: used once, unbounded. */
        private String compensator(Expr e) {
            return e instanceof Param p && once(p) && law.bounds().of(p.name()).isFree() ? p.name() : null;
        }

        private boolean once(Param p) { return uses.getOrDefault(p.name(), 0) == 1; }

        private void found(String name, double v) {
            found = name;
            value = v;
        }

        private static String or(String a, String b) { return a != null ? a : b; }
    }
}
