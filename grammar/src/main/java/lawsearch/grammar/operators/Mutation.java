package lawsearch.grammar.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Weighting;

/**
 * The grammar-driven operators of the search. Each takes a law and returns a changed one that the
 * grammar accepts, or the law itself when the operator does not apply or its result would break
 * the grammar or the parameter cap (so every child satisfies both).
 */
public enum Mutation {
    /** Replace one additive term by a freshly generated one. */
    REGROW, SWAP, ADD_TERM, DROP_TERM, WRAP, NUMBER_TO_PARAM, PARAM_TO_NUMBER, SHARE_PARAM, UNTIE_PARAM, FIT_SETTINGS;

    public Law apply(Law law, Generator gen, RandomGenerator rng) {
        Law out = switch (this) {
            case REGROW -> regrow(law, gen, rng);
            case SWAP -> swap(law, gen.grammar(), rng);
            case ADD_TERM -> addTerm(law, gen, rng);
            case DROP_TERM -> dropTerm(law, rng);
            case WRAP -> wrap(law, gen.grammar(), rng);
            case NUMBER_TO_PARAM -> numberToParam(law, gen.grammar(), rng);
            case PARAM_TO_NUMBER -> paramToNumber(law, rng);
            case SHARE_PARAM -> shareParam(law, rng);
            case UNTIE_PARAM -> untieParam(law, gen.grammar(), rng);
            case FIT_SETTINGS -> fitSettings(law, gen.grammar(), rng);
        };
        return out != null && gen.grammar().accepts(out) ? Redundancy.reduce(out, gen.grammar()) : law;
    }

    /** One operator drawn at random with {@code weights} ({@link MutationWeights#DEFAULT}: toward structural edits of terms). */
    public static Mutation random(RandomGenerator rng, MutationWeights weights) {
        return weights.draw(rng);
    }

    /** The operator's name in options files: {@code regrow}, {@code add_term}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The operator named {@code key} ({@link #key()}), or null. */
    public static Mutation named(String key) {
        for (Mutation m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        return null;
    }

    private static Law regrow(Law law, Generator gen, RandomGenerator rng) {
        List<Expr> terms = new ArrayList<>(Trees.terms(law.expr()));
        int i = rng.nextInt(terms.size());
        Set<String> used = Trees.names(law, gen.grammar());
        Bounds[] b = {Bounds.NONE};
        terms.set(i, gen.term(rng, used, b));
        return Trees.withExpr(law, Trees.sum(terms), b[0]);
    }

    private static Law addTerm(Law law, Generator gen, RandomGenerator rng) {
        List<Expr> terms = new ArrayList<>(Trees.terms(law.expr()));
        if (terms.size() > gen.grammar().maxTerms()) {
            return null;
        }
        Set<String> used = Trees.names(law, gen.grammar());
        Bounds[] b = {Bounds.NONE};
        terms.add(gen.term(rng, used, b));
        return Trees.withExpr(law, Trees.sum(terms), b[0]);
    }

    private static Law dropTerm(Law law, RandomGenerator rng) {
        List<Expr> terms = new ArrayList<>(Trees.terms(law.expr()));
        if (terms.size() < 2) {
            return null;
        }
        terms.remove(rng.nextInt(terms.size()));
        return Trees.withExpr(law, Trees.sum(terms), Bounds.NONE);
    }

    /** Swap an operator for a sibling (+/-, * and /) or a function for another the grammar allows. */
    private static Law swap(Law law, Grammar g, RandomGenerator rng) {
        List<Expr> nodes = Trees.nodes(law.expr());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Expr n = nodes.get(i);
            boolean normalisation = n instanceof Binary b && b.left() instanceof lawsearch.grammar.core.Var && b.right() instanceof Num;
            if (n instanceof Binary b && b.op() != Op.POW && !normalisation || n instanceof Unary u && u.fn() != Fn.NEG) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int i = candidates.get(rng.nextInt(candidates.size()));
        Expr replacement = switch (nodes.get(i)) {
            case Binary b -> new Binary(switch (b.op()) {
                case ADD -> Op.SUB;
                case SUB -> Op.ADD;
                case MUL -> Op.DIV;
                case DIV -> Op.MUL;
                case POW -> Op.POW;
            }, b.left(), b.right());
            case Unary u -> {
                boolean scaled = Trees.nodes(u.arg()).stream()
                        .anyMatch(x -> x instanceof lawsearch.grammar.core.Var v && !g.expAllowed(v.name()));
                // no exp of a scale or log-swept variable: exponential growth beyond the data (see Grammar)
                List<Fn> fs = g.functions().stream().filter(f -> f != Fn.NEG && f != u.fn() && !(scaled && f == Fn.EXP)).toList();
                yield fs.isEmpty() ? u : new Unary(fs.get(rng.nextInt(fs.size())), u.arg());
            }
            default -> nodes.get(i);
        };
        return Trees.withExpr(law, Trees.replace(law.expr(), i, replacement), Bounds.NONE);
    }

    /** Wrap a subtree that reads data in log, sqrt, or a fitted power. */
    private static Law wrap(Law law, Grammar g, RandomGenerator rng) {
        List<Expr> nodes = Trees.nodes(law.expr());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            if (Trees.hasVar(nodes.get(i))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int i = candidates.get(rng.nextInt(candidates.size()));
        Expr n = nodes.get(i);
        double u = rng.nextDouble();
        if (u < 0.5) {
            String p = Trees.fresh(Trees.names(law, g));
            return Trees.withExpr(law, Trees.replace(law.expr(), i, Expr.pow(n, new Param(p))),
                    Bounds.NONE.with(p, Generator.EXPONENT));
        }
        Fn f = u < 0.8 ? Fn.LOG : Fn.SQRT;
        return g.functions().contains(f) ? Trees.withExpr(law, Trees.replace(law.expr(), i, new Unary(f, n)), Bounds.NONE) : null;
    }

    private static Law numberToParam(Law law, Grammar g, RandomGenerator rng) {
        List<Expr> nodes = Trees.nodes(law.expr());
        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof Num n && n.value() != 2) {   // keep squares: they are structure
                nums.add(i);
            }
        }
        if (nums.isEmpty()) {
            return null;
        }
        int i = nums.get(rng.nextInt(nums.size()));
        String p = Trees.fresh(Trees.names(law, g));
        return Trees.withExpr(law, Trees.replace(law.expr(), i, new Param(p)), Bounds.NONE);
    }

    /** Freeze an exponent-like parameter (an exponent, a bowl's slope) at a round value (a simpler law if the data agree). */
    private static Law paramToNumber(Law law, RandomGenerator rng) {
        List<String> ps = new ArrayList<>(law.parameters());
        ps.removeIf(p -> !law.bounds().of(p).equals(Generator.EXPONENT) && !law.bounds().of(p).equals(Generator.SLOPE));
        if (ps.isEmpty()) {
            return null;
        }
        String p = ps.get(rng.nextInt(ps.size()));
        double[] nice = {-1, -0.5, 0.5, 1, 2};
        return Trees.withExpr(law, Trees.replaceParam(law.expr(), p, new Num(nice[rng.nextInt(nice.length)])), Bounds.NONE);
    }

    /** Make two parameters with the same bounds one (e.g. one exponent for N and D; never a bowl's slope and an exponent, {@link Generator#SLOPE}). */
    private static Law shareParam(Law law, RandomGenerator rng) {
        List<String> ps = law.parameters();
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                if (law.bounds().of(ps.get(i)).equals(law.bounds().of(ps.get(j))) && !law.bounds().of(ps.get(i)).isFree()) {
                    pairs.add(new String[] {ps.get(i), ps.get(j)});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        String[] pr = pairs.get(rng.nextInt(pairs.size()));
        return Trees.withExpr(law, Trees.replaceParam(law.expr(), pr[1], new Param(pr[0])), Bounds.NONE);
    }

    /**
     * Give one use of a constant used several times a constant of its own, with the same bounds:
     * share_param's inverse. Without it a law whose exponents were tied (one exponent for N and D)
     * could be untied only by regrowing a whole term, which loses the term's other structure.
     */
    private static Law untieParam(Law law, Grammar g, RandomGenerator rng) {
        List<Expr> nodes = Trees.nodes(law.expr());
        Map<Expr, Long> count = nodes.stream().filter(Param.class::isInstance).collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        List<Integer> uses = new ArrayList<>();   // every node that is a use of a constant used more than once
        for (int i = 0; i < nodes.size(); i++) {
            if (count.getOrDefault(nodes.get(i), 0L) > 1) {
                uses.add(i);
            }
        }
        if (uses.isEmpty()) {
            return null;
        }
        int i = uses.get(rng.nextInt(uses.size()));
        String shared = ((Param) nodes.get(i)).name();
        String p = Trees.fresh(Trees.names(law, g));
        return Trees.withExpr(law, Trees.replace(law.expr(), i, new Param(p)), Bounds.NONE.with(p, law.bounds().of(shared)));
    }

    private static Law fitSettings(Law law, Grammar g, RandomGenerator rng) {
        FitSettings f = law.fit();
        double u = rng.nextDouble();
        if (u < 0.4) {
            List<Loss> losses = FitSettings.SEARCH_LOSSES;
            return law.withFit(f.withLoss(losses.get(rng.nextInt(losses.size()))));
        }
        if (u < 0.8 && !g.scaleVariables().isEmpty()) {
            List<String> sv = g.variables().stream().filter(g.scaleVariables()::contains).toList();
            if (sv.isEmpty() || rng.nextDouble() < 0.4) {
                return law.withFit(f.withWeighting(Weighting.UNIFORM));
            }
            List<Double> powers = FitSettings.SEARCH_POWERS;
            return law.withFit(f.withWeighting(new Weighting.Scale(sv.get(rng.nextInt(sv.size())), powers.get(rng.nextInt(powers.size())))));
        }
        int[] starts = {4, 8, 12};
        return law.withFit(f.withStarts(starts[rng.nextInt(starts.length)]));
    }
}
