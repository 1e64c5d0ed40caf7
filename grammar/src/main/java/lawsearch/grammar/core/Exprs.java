package lawsearch.grammar.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Small structural queries and rewrites of law expressions. */
public final class Exprs {
    private Exprs() { }

    /** How many times each parameter of {@code e} is used: {@code c1*x^c2 + c1} uses c1 twice. */
    public static Map<String, Integer> parameterUses(Expr e) {
        Map<String, Integer> uses = new HashMap<>();
        countUses(e, uses);
        return uses;
    }

    private static void countUses(Expr e, Map<String, Integer> uses) {
        switch (e) {
            case Param p -> uses.merge(p.name(), 1, Integer::sum);
            case Unary u -> countUses(u.arg(), uses);
            case Binary b -> {
                countUses(b.left(), uses);
                countUses(b.right(), uses);
            }
            default -> { }
        }
    }

    /** Number of nodes: the complexity a search penalises. */
    public static int size(Expr e) {
        return switch (e) {
            case Unary u -> 1 + size(u.arg());
            case Binary b -> 1 + size(b.left()) + size(b.right());
            default -> 1;
        };
    }

    /**
     * {@link #size} with a variable in its own units ({@code params/1e8}) counted as the variable
     * alone: the size a law reads as, whichever units it is written in (a template normalises its
     * columns, and the readable rewrite takes such a scale into an amplitude).
     */
    public static int sizeUnscaled(Expr e) {
        return switch (e) {
            case Binary b when b.op() == Op.DIV && b.left() instanceof Var && b.right() instanceof Num -> 1;
            case Unary u -> 1 + sizeUnscaled(u.arg());
            case Binary b -> 1 + sizeUnscaled(b.left()) + sizeUnscaled(b.right());
            default -> 1;
        };
    }

    /** Levels of nesting; a leaf has depth 1. */
    public static int depth(Expr e) {
        return switch (e) {
            case Unary u -> 1 + depth(u.arg());
            case Binary b -> 1 + Math.max(depth(b.left()), depth(b.right()));
            default -> 1;
        };
    }

    /** The most logs on one path from the root to a leaf: 2 for {@code log(log(x))}, 1 for {@code log(x)·log(y)}. */
    public static int logNesting(Expr e) {
        return switch (e) {
            case Unary u -> (u.fn() == Fn.LOG ? 1 : 0) + logNesting(u.arg());
            case Binary b -> Math.max(logNesting(b.left()), logNesting(b.right()));
            default -> 0;
        };
    }

    /** Parameter names in order of first appearance, left to right, each once. */
    public static List<String> parameters(Expr e) { return new ArrayList<>(names(e, new LinkedHashSet<>(), true)); }

    /** Variable names in order of first appearance, left to right, each once. */
    public static List<String> variables(Expr e) { return new ArrayList<>(names(e, new LinkedHashSet<>(), false)); }

    public static boolean containsParam(Expr e) {
        return switch (e) {
            case Param p -> true;
            case Unary u -> containsParam(u.arg());
            case Binary b -> containsParam(b.left()) || containsParam(b.right());
            default -> false;
        };
    }

    /** {@code e} with every parameter renamed; a null new name keeps the old one. */
    public static Expr renameParams(Expr e, Function<String, String> rename) {
        return substitute(e, name -> {
            String n = rename.apply(name);
            return n == null ? null : new Param(n);
        });
    }

    /**
     * {@code e} with every parameter replaced by the expression {@code byName} gives for it
     * (a fitted value as a {@link Num}, say); null keeps the parameter.
     */
    public static Expr substitute(Expr e, Function<String, ? extends Expr> byName) {
        return switch (e) {
            case Param p -> {
                Expr r = byName.apply(p.name());
                yield r == null ? p : r;
            }
            case Unary u -> new Unary(u.fn(), substitute(u.arg(), byName));
            case Binary b -> new Binary(b.op(), substitute(b.left(), byName), substitute(b.right(), byName));
            default -> e;
        };
    }

    private static Set<String> names(Expr e, Set<String> out, boolean params) {
        switch (e) {
            case Num n -> { }
            case Var v -> { if (!params) out.add(v.name()); }
            case Param p -> { if (params) out.add(p.name()); }
            case Unary u -> names(u.arg(), out, params);
            case Binary b -> {
                names(b.left(), out, params);
                names(b.right(), out, params);
            }
        }
        return out;
    }
}
