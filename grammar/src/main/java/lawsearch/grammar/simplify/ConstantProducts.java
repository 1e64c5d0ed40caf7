package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;

/**
 * A product of constants that the law only ever uses whole, as one constant: a stress sweep with
 * logged sizes printed {@code (log10_params/10)^(c1*c2) + B*log10_tokens^(c1*c2)} (from
 * {@code ((x^c1)^c2)}, merged a link at a time as {@link PowerRules} writes a shared pair), which
 * is {@code (log10_params/10)^c1 + B*log10_tokens^c1} with c1 the product. The driver's steps cannot
 * make this merge one site at a time (merged at the first site, the pair would still stand at the
 * second, one more parameter), so {@link FixedPoint#run} makes it whole when no step is left. Only products of two or more distinct parameters, each of which is
 * used nowhere but in that product, so no value is split.
 */
final class ConstantProducts {
    private ConstantProducts() { }

    /** {@code e} with each such product one constant; {@code e} itself when there is none. */
    static Expr apply(Expr e, ConstantMap constants) {
        Map<String, Integer> uses = Exprs.parameterUses(e);
        Map<List<String>, Integer> products = new LinkedHashMap<>();
        collect(e, products);
        Set<List<String>> whole = new HashSet<>();
        products.forEach((names, n) -> {
            if (names.stream().allMatch(p -> uses.get(p).equals(n))) {
                whole.add(names);
            }
        });
        return whole.isEmpty() ? e : replace(e, whole, new HashMap<>(), constants);
    }

    /** The sorted names of a product of two or more distinct parameters alone ({@code c1*c2}); null for anything else. */
    private static List<String> key(Expr e) {
        List<String> names = new ArrayList<>();
        if (!(e instanceof Binary b && b.op() == Op.MUL) || !params(e, names) || new HashSet<>(names).size() < names.size()) {
            return null;   // c*c is a square, not a product of two constants
        }
        return names.stream().sorted().toList();
    }

    /** Whether {@code e} is a parameter or a product of them, adding their names to {@code out}. */
    private static boolean params(Expr e, List<String> out) {
        return switch (e) {
            case Param p -> out.add(p.name());
            case Binary b when b.op() == Op.MUL -> params(b.left(), out) && params(b.right(), out);
            default -> false;
        };
    }

    private static void collect(Expr e, Map<List<String>, Integer> products) {
        List<String> k = key(e);
        if (k != null) {
            products.merge(k, 1, Integer::sum);
            return;
        }
        switch (e) {
            case Binary b -> {
                collect(b.left(), products);
                collect(b.right(), products);
            }
            case Unary u -> collect(u.arg(), products);
            default -> { }
        }
    }

    /** {@code e} with each product of {@code whole} replaced by its constant, minted at its first use. */
    private static Expr replace(Expr e, Set<List<String>> whole, Map<List<String>, Param> minted, ConstantMap constants) {
        List<String> k = key(e);
        if (k != null && whole.contains(k)) {
            return minted.computeIfAbsent(k, x -> constants.fresh(e));
        }
        return switch (e) {
            case Binary b -> new Binary(b.op(), replace(b.left(), whole, minted, constants), replace(b.right(), whole, minted, constants));
            case Unary u -> new Unary(u.fn(), replace(u.arg(), whole, minted, constants));
            default -> e;
        };
    }
}
