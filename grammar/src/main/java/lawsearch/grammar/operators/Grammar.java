package lawsearch.grammar.operators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;

/**
 * What a search may generate: the variables (each with a typical scale it is divided by, so fitted
 * constants stay well conditioned), the functions and operators, size and depth limits, how many
 * logs may nest, and the cap on fitted constants. Every candidate a search produces satisfies {@link #accepts}.
 * {@code reserved}: every name a law's text reads as a variable (the variables and the data's other
 * columns and aliases); the operators never name a constant so, or a law written out and read back
 * (a checkpoint, best.law, fit.json) would read that constant as the column: a sweep with an
 * experts column {@code E} had its floor constant {@code E} read back as the experts.
 * Built with {@link Builder}, as Jenetics builds its engines.
 */
public record Grammar(List<String> variables, Map<String, Double> scales, Set<Fn> functions, Set<Op> operators,
                      int maxSize, int maxDepth, int maxParams, int maxTerms, int maxLogNesting, Set<String> scaleVariables,
                      Set<String> logSwept, Set<String> reserved) {

    public Grammar {
        variables = List.copyOf(variables);
        scales = Collections.unmodifiableMap(new LinkedHashMap<>(scales));
        functions = Collections.unmodifiableSet(EnumSet.copyOf(functions.isEmpty() ? EnumSet.of(Fn.NEG) : functions));
        operators = Collections.unmodifiableSet(EnumSet.copyOf(operators));
        scaleVariables = Set.copyOf(scaleVariables);
        logSwept = Set.copyOf(logSwept);
        Set<String> names = new HashSet<>(reserved);
        names.addAll(variables);
        reserved = Set.copyOf(names);
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("a grammar needs at least one variable");
        }
    }

    public static Builder builder(List<String> variables) { return new Builder(variables); }

    /** The variable as the generator uses it: divided by its typical scale when it has one. */
    public Expr normalised(String variable) {
        Double s = scales.get(variable);
        Expr v = new Var(variable);
        return s == null || s == 1.0 ? v : Expr.div(v, new Num(s));
    }

    /**
     * Whether exp(p·v) may be generated: not along a scale variable nor a variable swept on a log
     * scale (batch size, learning rate), where it grows or vanishes exponentially beyond the data
     * and no validation fold can vouch for it; proportions and rates in a bounded range are fine.
     */
    public boolean expAllowed(String variable) {
        return !scaleVariables.contains(variable) && !logSwept.contains(variable);
    }

    /** Whether {@code law} may be a candidate: known variables and functions, within size, depth, log nesting and cap. */
    public boolean accepts(Law law) {
        return law.parameters().size() <= maxParams && Exprs.size(law.expr()) <= maxSize && Exprs.depth(law.expr()) <= maxDepth
                && Exprs.logNesting(law.expr()) <= maxLogNesting && uses(law.expr());
    }

    /** Whether the grammar's variables, functions and operators can write {@code law}, whatever its size. */
    public boolean expresses(Law law) { return uses(law.expr()); }

    /**
     * This grammar with its size, depth, log-nesting and parameter limits raised where a law of {@code laws}
     * needs it. Seed laws are written by people (a user, a paper): a search must be able to start
     * from them even when they are larger than what it would generate itself. The parameter limit is raised too:
     * callers pass only laws within the task's cap, so what it raises is the default for no cap.
     */
    public Grammar admitting(Collection<Law> laws) {
        LinkedHashSet<String> vars = new LinkedHashSet<>(variables);
        int size = maxSize;
        int depth = maxDepth;
        int params = maxParams;
        int logs = maxLogNesting;
        for (Law l : laws) {
            size = Math.max(size, Exprs.size(l.expr()));
            depth = Math.max(depth, Exprs.depth(l.expr()));
            params = Math.max(params, l.parameters().size());
            logs = Math.max(logs, Exprs.logNesting(l.expr()));
            vars.addAll(l.variables());   // a column the grammar does not draw from (one value in every row) a person chose
        }
        return new Grammar(List.copyOf(vars), scales, functions, operators, size, depth, params, maxTerms, logs, scaleVariables, logSwept,
                reserved);
    }

    private boolean uses(Expr e) {
        return switch (e) {
            case Num n -> Double.isFinite(n.value());
            case Param p -> true;
            case Var v -> variables.contains(v.name());
            case Unary u -> (u.fn() == Fn.NEG || functions.contains(u.fn())) && uses(u.arg());
            case Binary b -> operators.contains(b.op()) && uses(b.left()) && uses(b.right());
        };
    }

    /** Fluent configuration; defaults suit scaling laws (power laws, logs, saturating and shifted terms). */
    public static final class Builder {
        private final List<String> variables;
        private final Map<String, Double> scales = new LinkedHashMap<>();
        // tanh and abs are in the language but not generated by default: in searches they mostly
        // produced decorations (tanh(sqrt(P))) that fit noise; a task may widen the set.
        private Set<Fn> functions = EnumSet.of(Fn.NEG, Fn.LOG, Fn.EXP, Fn.SQRT);
        private Set<Op> operators = EnumSet.allOf(Op.class);
        private int maxSize = 40;
        private int maxDepth = 9;
        private int maxParams = 8;
        private int maxTerms = 4;
        // No log of a log by default: no published law has one, and without the limit the search
        // reported A/log(log(log(log(num_params))))^alpha on parallel (test R² 0.99995, and unreadable).
        private int maxLogNesting = 1;
        private final List<String> scaleVariables = new ArrayList<>();
        private final List<String> logSwept = new ArrayList<>();
        private final Set<String> reserved = new HashSet<>();

        Builder(List<String> variables) { this.variables = List.copyOf(variables); }

        public Builder scale(String variable, double typical) { scales.put(variable, typical); return this; }

        public Builder functions(Set<Fn> f) { functions = EnumSet.copyOf(f); return this; }

        public Builder operators(Set<Op> o) { operators = EnumSet.copyOf(o); return this; }

        public Builder maxSize(int n) { maxSize = n; return this; }

        public Builder maxDepth(int n) { maxDepth = n; return this; }

        public Builder maxParams(int n) { maxParams = n; return this; }

        public Builder maxTerms(int n) { maxTerms = n; return this; }

        /** How many logs may nest on one path ({@code log(log(x))} is 2). */
        public Builder maxLogNesting(int n) { maxLogNesting = n; return this; }

        /** Variables along which runs grow (model size, tokens): power-law terms favour them. */
        public Builder scaleVariables(List<String> vs) { scaleVariables.clear(); scaleVariables.addAll(vs); return this; }

        /** Variables swept on a log scale (positive, spanning a factor of 10 or more): never inside exp. */
        public Builder logSwept(List<String> vs) { logSwept.clear(); logSwept.addAll(vs); return this; }

        /**
         * Names a law's text reads as variables besides the grammar's own: the data's other columns
         * and aliases (a column of one value, not drawn from). No constant is given one of them.
         */
        public Builder reserved(Collection<String> names) { reserved.addAll(names); return this; }

        public Grammar build() {
            return new Grammar(variables, scales, functions, operators, maxSize, maxDepth, maxParams, maxTerms, maxLogNesting,
                    Set.copyOf(scaleVariables), Set.copyOf(logSwept), reserved);
        }
    }
}
