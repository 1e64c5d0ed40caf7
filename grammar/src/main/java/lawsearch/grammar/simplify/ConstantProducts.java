package lawsearch.grammar.simplify;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * is {@code (log10_params/10)^c1 + B*log10_tokens^c1} with c1 the product. The driver cannot make
 * this merge one site at a time: merged at the first site, the pair would still stand at the
 * second, one more parameter. Only products of two or more distinct parameters, each of which is
 * used nowhere but in that product, so no value is split.
 */
final class ConstantProducts {
    private ConstantProducts() { }

    static Expr apply(Expr e, ConstantMap constants) {
        Map<String, Integer> uses = new HashMap<>();
        DecayExponents.count(e, uses);
        Map<List<String>, Integer> products = new LinkedHashMap<>();
        collect(e, products);
        Map<List<String>, Param> merged = new HashMap<>();
        for (Map.Entry<List<String>, Integer> p : products.entrySet()) {
            if (p.getKey().stream().allMatch(n -> uses.get(n).equals(p.getValue()))) {
                merged.put(p.getKey(), null);
            }
        }
        return merged.isEmpty() ? e : replace(e, merged, constants);
    }

    /** The distinct parameters of a product of parameters alone ({@code c1*c2}), sorted; null for anything else. */
    private static List<String> key(Expr e) {
        if (!(e instanceof Binary b && b.op() == Op.MUL) || !factorsAreParams(e)) {
            return null;
        }
        List<String> names = Exprs.parameters(e).stream().sorted().toList();
        return names.size() >= 2 && names.size() == count(e) ? names : null;
    }

    private static boolean factorsAreParams(Expr e) {
        return e instanceof Param || e instanceof Binary b && b.op() == Op.MUL && factorsAreParams(b.left()) && factorsAreParams(b.right());
    }

    private static int count(Expr e) {
        return e instanceof Binary b ? count(b.left()) + count(b.right()) : 1;
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

    private static Expr replace(Expr e, Map<List<String>, Param> merged, ConstantMap constants) {
        List<String> k = key(e);
        if (k != null && merged.containsKey(k)) {
            Param p = merged.get(k);
            if (p == null) {   // the first use mints the constant, the others take it
                p = constants.fresh(e);
                merged.put(k, p);
            }
            return p;
        }
        return switch (e) {
            case Binary b -> new Binary(b.op(), replace(b.left(), merged, constants), replace(b.right(), merged, constants));
            case Unary u -> new Unary(u.fn(), replace(u.arg(), merged, constants));
            default -> e;
        };
    }
}
