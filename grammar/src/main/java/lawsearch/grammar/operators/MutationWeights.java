package lawsearch.grammar.operators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How often {@link Mutation#random} draws each operator: one weight per operator, relative (they
 * are divided by their sum; an operator left out weighs 0). Immutable.
 *
 * <p>A draw takes one uniform u and returns the first operator whose cumulative share exceeds it.
 * The cumulative shares are summed in decimal ({@link BigDecimal#valueOf(double)}), not in binary
 * floating point: weights written as decimals (0.22, 0.14, ...) then cut the unit interval exactly
 * where they read (0.22, 0.36, ...), so the default weights draw exactly what the fixed thresholds
 * before them drew, and a search's results did not move when the weights became an option.
 */
public final class MutationWeights {
    private static final Mutation[] OPS = Mutation.values();

    /** Weighted toward structural edits of terms; they sum to 1. */
    public static final MutationWeights DEFAULT = of(defaults());

    private final Map<Mutation, Double> weights;
    /** below[i]: operator i is drawn when u < below[i] (and no earlier one was). */
    private final double[] below;

    private MutationWeights(Map<Mutation, Double> weights, double[] below) {
        this.weights = weights;
        this.below = below;
    }

    /**
     * The weights given; every weight must be finite and at least 0, and their sum positive
     * ({@link IllegalArgumentException} otherwise).
     */
    public static MutationWeights of(Map<Mutation, Double> given) {
        EnumMap<Mutation, Double> w = new EnumMap<>(Mutation.class);
        for (Mutation m : OPS) {
            double x = given.getOrDefault(m, 0.0);
            if (!(Double.isFinite(x) && x >= 0)) {
                throw new IllegalArgumentException("the weight of " + m.key() + " must be a finite number >= 0, got " + x);
            }
            w.put(m, x);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Mutation m : OPS) {
            total = total.add(BigDecimal.valueOf(w.get(m)));
        }
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("at least one mutation operator needs a positive weight");
        }
        double[] below = new double[OPS.length];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < OPS.length; i++) {
            sum = sum.add(BigDecimal.valueOf(w.get(OPS[i])));
            below[i] = sum.divide(total, MathContext.DECIMAL128).doubleValue();
        }
        return new MutationWeights(Collections.unmodifiableMap(w), below);
    }

    /** The weight of each operator, in the operators' order. */
    public Map<Mutation, Double> asMap() { return weights; }

    public double weight(Mutation m) { return weights.get(m); }

    /** One operator, drawn with one {@code rng.nextDouble()}. */
    public Mutation draw(RandomGenerator rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < OPS.length; i++) {
            if (u < below[i]) {
                return OPS[i];
            }
        }
        return OPS[OPS.length - 1];   // unreachable: the last cumulative share is exactly 1 and u < 1
    }

    private static Map<Mutation, Double> defaults() {
        EnumMap<Mutation, Double> w = new EnumMap<>(Mutation.class);
        w.put(Mutation.REGROW, 0.22);
        w.put(Mutation.SWAP, 0.14);
        w.put(Mutation.ADD_TERM, 0.14);
        w.put(Mutation.DROP_TERM, 0.12);
        w.put(Mutation.WRAP, 0.10);
        w.put(Mutation.NUMBER_TO_PARAM, 0.06);
        w.put(Mutation.PARAM_TO_NUMBER, 0.08);
        w.put(Mutation.SHARE_PARAM, 0.07);
        // Off by default: at 0.04 it moved which basin a seed landed in on the real sweeps, not how
        // often a good one was found (pythia's mean fell 0.969 -> 0.913, gadre's 0.858 -> 0.809,
        // openclip's rose 0.983 -> 0.988; README "How it works").
        w.put(Mutation.UNTIE_PARAM, 0.0);
        w.put(Mutation.FIT_SETTINGS, 0.07);
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutationWeights m && weights.equals(m.weights);
    }

    @Override
    public int hashCode() { return weights.hashCode(); }

    @Override
    public String toString() { return weights.toString(); }
}
