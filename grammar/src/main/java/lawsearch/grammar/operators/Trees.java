package lawsearch.grammar.operators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

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

/** Addressing and rewriting subtrees by pre-order index; top-level additive terms. */
final class Trees {
    private Trees() { }

    /** Every node in pre-order (root first). */
    static List<Expr> nodes(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        switch (e) {
            case Unary u -> collect(u.arg(), out);
            case Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            default -> { }
        }
    }

    /** {@code root} with its pre-order node {@code index} replaced by {@code with}. */
    static Expr replace(Expr root, int index, Expr with) {
        int[] counter = {0};
        return replace(root, index, with, counter);
    }

    private static Expr replace(Expr e, int index, Expr with, int[] counter) {
        if (counter[0]++ == index) {
            return with;
        }
        return switch (e) {
            case Unary u -> new Unary(u.fn(), replace(u.arg(), index, with, counter));
            case Binary b -> {
                Expr l = replace(b.left(), index, with, counter);
                Expr r = replace(b.right(), index, with, counter);
                yield new Binary(b.op(), l, r);
            }
            default -> e;
        };
    }

    /** Top-level terms of a sum; a difference contributes its right side negated. */
    static List<Expr> terms(Expr e) {
        List<Expr> out = new ArrayList<>();
        terms(e, false, out);
        return out;
    }

    private static void terms(Expr e, boolean negate, List<Expr> out) {
        if (e instanceof Binary b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
            terms(b.left(), negate, out);
            terms(b.right(), negate ^ (b.op() == Op.SUB), out);
        } else {
            out.add(negate ? new Unary(Fn.NEG, e) : e);
        }
    }

    static Expr sum(List<Expr> terms) {
        Expr acc = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            Expr t = terms.get(i);
            acc = t instanceof Unary u && u.fn() == Fn.NEG ? Expr.sub(acc, u.arg()) : Expr.add(acc, t);
        }
        return acc;
    }

    static Set<String> params(Expr e) {
        Set<String> s = new HashSet<>();
        for (Expr n : nodes(e)) {
            if (n instanceof Param p) {
                s.add(p.name());
            }
        }
        return s;
    }

    static boolean hasVar(Expr e) { return nodes(e).stream().anyMatch(n -> n instanceof Var); }

    static Expr renameParams(Expr e, UnaryOperator<String> rename) {
        return switch (e) {
            case Param p -> new Param(rename.apply(p.name()));
            case Unary u -> new Unary(u.fn(), renameParams(u.arg(), rename));
            case Binary b -> new Binary(b.op(), renameParams(b.left(), rename), renameParams(b.right(), rename));
            default -> e;
        };
    }

    static Expr replaceParam(Expr e, String name, Expr with) {
        return switch (e) {
            case Param p -> p.name().equals(name) ? with : p;
            case Unary u -> new Unary(u.fn(), replaceParam(u.arg(), name, with));
            case Binary b -> new Binary(b.op(), replaceParam(b.left(), name, with), replaceParam(b.right(), name, with));
            default -> e;
        };
    }

    /** The law with expression {@code e}, keeping bounds of parameters still present and adding {@code extra}. */
    static Law withExpr(Law law, Expr e, Bounds extra) {
        Set<String> present = params(e);
        Bounds b = Bounds.NONE;
        for (var en : law.bounds().byParam().entrySet()) {
            if (present.contains(en.getKey())) {
                b = b.with(en.getKey(), en.getValue());
            }
        }
        for (var en : extra.byParam().entrySet()) {
            if (present.contains(en.getKey())) {
                b = b.with(en.getKey(), en.getValue());
            }
        }
        return new Law(e, b, law.fit());
    }

    /** The names a new constant must not take, to add fresh ones to: every name {@code g} reserves (a column's). */
    static Set<String> names(Grammar g) {
        return new HashSet<>(g.reserved());
    }

    /** {@link #names(Grammar)} and the constants of {@code law}. */
    static Set<String> names(Law law, Grammar g) {
        Set<String> used = names(g);
        used.addAll(params(law.expr()));
        return used;
    }

    /** A parameter name not in {@code used}: c1, c2, ... */
    static String fresh(Set<String> used) {
        for (int i = 1; ; i++) {
            String n = "c" + i;
            if (used.add(n)) {
                return n;
            }
        }
    }

    static boolean isNum(Expr e, double v) { return e instanceof Num n && n.value() == v; }
}
