package lawsearch.grammar.simplify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.interpreter.TreeEvaluator;

/**
 * What each parameter of the law being rewritten stands for: an expression over the ORIGINAL law's
 * parameters, and the interval it may take. A rewrite that absorbs constants mints a fresh
 * parameter with {@link #fresh}; a rewrite the driver rejects is undone with {@link #rollback}.
 * Fresh names ({@code k_1}, ...) are temporary: {@link RoleNames} renames every parameter at the end.
 */
final class ConstantMap {
    private final Map<String, Expr> defs = new LinkedHashMap<>();
    private final Map<String, Interval> bounds = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<String> minted = new ArrayList<>();
    private int next = 1;

    ConstantMap(Law law, Set<String> reserved) {
        for (String p : law.parameters()) {
            defs.put(p, new Param(p));
            bounds.put(p, law.bounds().of(p));
        }
        taken.addAll(law.parameters());
        taken.addAll(law.variables());
        taken.addAll(reserved);
    }

    Interval interval(String param) { return bounds.getOrDefault(param, Interval.FREE); }

    /** The value of {@code param} as an expression over the original parameters. */
    Expr def(String param) { return defs.get(param); }

    /** A new parameter whose value is {@code value}, an expression over the current parameters. */
    Param fresh(Expr value) {
        String name;
        do {
            name = "k_" + next++;
        } while (!taken.add(name));
        defs.put(name, Simplifier.simplify(Exprs.substitute(value, defs::get)));
        bounds.put(name, Intervals.of(value, this::interval));
        minted.add(name);
        return new Param(name);
    }

    /**
     * A constant (variable-free) expression as one leaf: the number it folds to, the parameter it
     * is, or a fresh parameter standing for it. Null when it folds to a non-finite number.
     */
    Expr constant(Expr value) {
        Expr v = Simplifier.simplify(value);
        if (v instanceof Param || v instanceof Num) {
            return v;
        }
        if (!Exprs.containsParam(v)) {
            double d = TreeEvaluator.eval(v, n -> Double.NaN, n -> Double.NaN);
            return Double.isFinite(d) ? new Num(d) : null;
        }
        return fresh(v);
    }

    int mark() { return minted.size(); }

    void rollback(int mark) {
        while (minted.size() > mark) {
            String n = minted.remove(minted.size() - 1);
            defs.remove(n);
            bounds.remove(n);
        }
    }
}
