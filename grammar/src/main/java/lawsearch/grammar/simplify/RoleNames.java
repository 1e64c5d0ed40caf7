package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.formatter.GreekLetters;
import lawsearch.grammar.formatter.WhereForm;
import lawsearch.grammar.simplify.Chains.Term;

/**
 * Names parameters by the role they play, where it is clear: the additive floor (a lone constant
 * that is a top-level term) is E; the constant multiplying a top-level term that holds a power of
 * a variable (or divides by one, or multiplies an exponential of one), or such a term of a sum of
 * them inside one, is an amplitude
 * A, B, C, ...; a decay exponent in such a term
 * ({@code x^(-p)}, {@code x^p} with p bounded to (-inf, 0], or {@code /x^p} with p bounded or fitted
 * at or above 0, as in {@code A/N^alpha}) is alpha, beta, gamma, ...; every
 * other constant is c1, c2, ... A role is clear when every occurrence of the constant plays it.
 * Names that are variables or functions of the law language are skipped, so the text parses back.
 */
final class RoleNames {
    private RoleNames() { }

    private enum Role { FLOOR, AMPLITUDE, DECAY }

    /**
     * Old name → new name for every parameter of {@code e}. {@code bounds} are the constants'
     * bounds; {@code fitted} narrows them to the fitted values, which may tell a divisor's exponent
     * is positive (a decay), never that a multiplier's is negative (its name would then stand for
     * a negative number: that form is {@link DecayExponents}' to rewrite first).
     */
    static Map<String, String> names(Expr e, Set<String> reserved, Function<String, Interval> bounds,
                                     Function<String, Interval> fitted) {
        Map<String, Integer> counts = Exprs.parameterUses(e);
        Map<String, Map<Role, Integer>> roles = new HashMap<>();
        List<Term> terms = Chains.isSum(e) ? Chains.terms(e, true) : List.of(new Term(e, false));
        boolean floorSeen = false;
        for (Term t : terms) {
            if (t.expr() instanceof Param p) {
                if (!floorSeen) {
                    note(roles, p.name(), Role.FLOOR);
                }
                floorSeen = true;
            } else if (powerTerm(t.expr())) {
                amplitude(t.expr(), roles);
                decays(t.expr(), bounds, roles);
                divisorDecays(t.expr(), fitted, roles);
                nestedAmplitudes(t.expr(), fitted, roles);
            }
        }
        Set<String> used = new HashSet<>(reserved);
        Map<String, String> out = new LinkedHashMap<>();
        int[] next = new int[3];
        for (String p : printOrder(e)) {
            Map<Role, Integer> r = roles.getOrDefault(p, Map.of());
            Role role = r.size() == 1 && r.values().iterator().next().equals(counts.get(p)) ? r.keySet().iterator().next() : null;
            String name = role == null ? null : switch (role) {
                case FLOOR -> pick(List.of("E"), used, next, 0);
                case AMPLITUDE -> pick(LETTERS, used, next, 1);
                case DECAY -> pick(GreekLetters.NAMES, used, next, 2);
            };
            if (name == null) {
                int i = 1;
                while (used.contains("c" + i)) {
                    i++;
                }
                name = "c" + i;
            }
            used.add(name);
            out.put(p, name);
        }
        return out;
    }

    /**
     * The parameters in the order a reader meets them: the law's body first, then its {@code where}
     * definitions ({@link WhereForm}), so a law whose repeated parts are named reads c1, c2, … down
     * the page rather than c1, c5, c9 with c2–c4 in the definitions below.
     */
    private static Set<String> printOrder(Expr e) {
        WhereForm w = WhereForm.of(e);
        Set<String> defined = new HashSet<>();
        w.definitions().forEach(d -> defined.add(d.name()));
        Set<String> out = new LinkedHashSet<>();
        Exprs.parameters(w.body()).stream().filter(p -> !defined.contains(p)).forEach(out::add);
        w.definitions().forEach(d -> Exprs.parameters(d.expr()).stream().filter(p -> !defined.contains(p)).forEach(out::add));
        out.addAll(Exprs.parameters(e));       // none missing, whatever the form
        return out;
    }

    /** A–Z without E (the floor's name). */
    private static final List<String> LETTERS = letters();

    private static List<String> letters() {
        List<String> l = new ArrayList<>();
        for (char c = 'A'; c <= 'Z'; c++) {
            if (c != 'E') {
                l.add(String.valueOf(c));
            }
        }
        return l;
    }

    private static String pick(List<String> pool, Set<String> used, int[] next, int which) {
        while (next[which] < pool.size()) {
            String n = pool.get(next[which]++);
            if (!used.contains(n)) {
                return n;
            }
        }
        return null;
    }

    private static void note(Map<String, Map<Role, Integer>> roles, String p, Role r) {
        roles.computeIfAbsent(p, k -> new HashMap<>()).merge(r, 1, Integer::sum);
    }

    /**
     * A product or power that holds a power of a variable or divides by one, or a square root of
     * something that holds a variable (a power 0.5, as data_constrained's
     * {@code sqrt(A*params^(-0.5) + B/sqrt(unique_tokens)) + C/log(tokens)}), alone or as a factor
     * ({@code B*sqrt(log(parallel_size))} as {@code B*log(parallel_size)^0.25}): a power-law term.
     */
    private static boolean powerTerm(Expr e) {
        return (Chains.isProduct(e) || e instanceof Binary b && b.op() == Op.POW) && hasPowerOfVariable(e)
                || Chains.isProduct(e) && Chains.terms(e, false).stream().anyMatch(f -> exponential(f.expr()) || root(f.expr()))
                || root(e);
    }

    private static boolean root(Expr e) {
        return e instanceof Unary u && u.fn() == Fn.SQRT && Chains.hasVar(u.arg());
    }

    /** exp(u) with u holding a variable: the factor of an exponential term, {@code A*exp(-c1*x)}. */
    private static boolean exponential(Expr f) {
        return f instanceof Unary u && u.fn() == Fn.EXP && Chains.hasVar(u.arg());
    }

    /** The first constant multiplying a product (not dividing it): its amplitude. */
    private static void amplitude(Expr term, Map<String, Map<Role, Integer>> roles) {
        if (Chains.isProduct(term)) {
            Chains.terms(term, false).stream().filter(f -> !f.inverse() && f.expr() instanceof Param).findFirst()
                    .ifPresent(f -> note(roles, ((Param) f.expr()).name(), Role.AMPLITUDE));
        }
    }

    /**
     * Amplitudes of a sum of power-law terms inside a term, outside exponents: Kaplan's
     * {@code (A*N^(-alpha) + B*D^(-beta))^g}, a rate's {@code E + A/(1 + B*N^(-alpha) + C*D^(-beta))};
     * and the decays such a term divides by ({@code (A*N^(-alpha) + A/D^beta)^c1}, as at the top).
     * Only a sum whose every term is a power-law term or a number, so a quadratic form's
     * coefficients ({@code c1*u^2 - c2*u*v + c3*v^2}) are not half named.
     */
    private static void nestedAmplitudes(Expr e, Function<String, Interval> fitted, Map<String, Map<Role, Integer>> roles) {
        if (Chains.isSum(e)) {
            List<Term> terms = Chains.terms(e, true);
            boolean powerLaws = terms.stream().allMatch(t -> t.expr() instanceof Param || t.expr() instanceof lawsearch.grammar.core.Num
                    || powerTerm(t.expr()));
            for (Term t : terms) {
                if (powerLaws) {
                    amplitude(t.expr(), roles);
                    divisorDecays(t.expr(), fitted, roles);
                }
                nestedAmplitudes(t.expr(), fitted, roles);
            }
            return;
        }
        switch (e) {
            case Binary b -> {
                nestedAmplitudes(b.left(), fitted, roles);
                if (b.op() != Op.POW) {
                    nestedAmplitudes(b.right(), fitted, roles);
                }
            }
            case Unary u -> nestedAmplitudes(u.arg(), fitted, roles);
            default -> { }
        }
    }

    /** A power whose base holds a variable, or a division by something that holds one. */
    private static boolean hasPowerOfVariable(Expr term) {
        boolean divides = Chains.terms(term, false).stream().anyMatch(f -> f.inverse() && Chains.hasVar(f.expr()));
        return divides || powers(term).stream().anyMatch(b -> Chains.hasVar(b.left()));
    }

    private static void decays(Expr term, Function<String, Interval> bounds, Map<String, Map<Role, Integer>> roles) {
        for (Binary b : powers(term)) {
            if (!Chains.hasVar(b.left())) {
                continue;
            }
            if (FixedPoint.negatedParam(b.right())) {
                note(roles, ((Param) ((Unary) b.right()).arg()).name(), Role.DECAY);
            } else if (b.right() instanceof Param p && bounds.apply(p.name()).hi() <= 0) {
                note(roles, p.name(), Role.DECAY);
            } else if (b.right() instanceof Binary m && m.op() == Op.MUL && m.left() instanceof Num k && k.value() < 0
                    && m.right() instanceof Param p) {
                note(roles, p.name(), Role.DECAY);   // x^(-0.25*alpha): a decay shared with a term that has it whole
            }
        }
    }

    /** {@code /x^p} with p at or above 0, the decay of {@code A/N^alpha}, a direct divisor of the term. */
    private static void divisorDecays(Expr term, Function<String, Interval> fitted, Map<String, Map<Role, Integer>> roles) {
        for (Term f : Chains.terms(term, false)) {
            if (f.inverse() && f.expr() instanceof Binary b && b.op() == Op.POW && Chains.hasVar(b.left())
                    && b.right() instanceof Param p && fitted.apply(p.name()).lo() >= 0) {
                note(roles, p.name(), Role.DECAY);
            }
        }
    }

    private static List<Binary> powers(Expr e) {
        List<Binary> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Binary> out) {
        switch (e) {
            case Binary b -> {
                if (b.op() == Op.POW) {
                    out.add(b);
                }
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Unary u -> collect(u.arg(), out);
            default -> { }
        }
    }
}
