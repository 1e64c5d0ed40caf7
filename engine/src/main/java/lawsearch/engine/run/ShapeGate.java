package lawsearch.engine.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Predicate;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.protocol.Problem;
import lawsearch.evaluator.protocol.Protocol;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.Screen;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.evaluator.soundness.Soundness;
import lawsearch.evaluator.uncertainty.Bootstrap;
import lawsearch.evaluator.uncertainty.FrontierSpread;
import lawsearch.grammar.core.Law;

/**
 * Whether a law may be reported: fitted on every train row (as the reported law is) and checked by
 * {@link Soundness} over the train rows' {@link Domain}, with what the user's {@link ShapeSpec}
 * states in place of what the rows show, and by its {@link FrontierSpread} under the run's bootstrap.
 * Verdicts are kept per law, so a law is fitted for this once. With the checks off ({@code --shape
 * none}) every law passes unchecked.
 */
public final class ShapeGate {
    private final Dataset train;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final ShapeSpec spec;
    private final FitOptions options;
    private final ForkJoinPool pool;
    private final long seed;
    private final Map<Law, Checked> checked = new ConcurrentHashMap<>();
    private final Map<Law, Pin> pins = Collections.synchronizedMap(new LinkedHashMap<>());
    private Screen screen;   // guarded by this; see screenOnce

    /** A law fitted on all train rows: the fit (null when it failed), its verdict and its NMSE on those rows (+∞ when failed). */
    private record Checked(FittedLaw fitted, Soundness.Verdict verdict, double trainNmse) { }

    /** A law's frontier spread, with the readable form it was measured in and that form's bootstrap refits (null when its fit failed). */
    private record Pin(double spread, Law form, List<FittedLaw> refits) { }

    /**
     * A fit on all train rows counts as failed when its NMSE on those rows exceeds this many times the
     * law's validation NMSE (and {@link #FAILED_FLOOR}): in-sample error is far below held-out error
     * for a fit that found its optimum. On a real isoFLOP sweep a law validating at R² 0.995 was fitted
     * on all train rows into a local optimum predicting 0.15 where every loss was above 3.
     */
    static final double FAILED_RATIO = 4;
    static final double FAILED_FLOOR = 0.05;

    /**
     * The widest {@link FrontierSpread} a reported law may have: its bootstrap refits' 90% interval at
     * the largest trained run spans at most half its prediction there. The one reported law measured
     * above it (0.95, OpenCLIP's error) scored test R² −9.7; of 129 others, the widest with a frontier
     * was 0.23.
     */
    static final double MAX_FRONTIER_SPREAD = 0.5;

    /** {@code seed}: the run's, from which the bootstrap's is drawn as for the run's intervals. */
    public ShapeGate(Dataset data, List<String> scaleVariables, ShapeSpec spec, FitOptions options, ForkJoinPool pool,
                     long seed) {
        this.train = data.withoutTest();
        this.spec = spec;
        this.seed = seed;
        this.options = options;
        this.pool = pool;
        for (String t : train.targets()) {
            domains.put(t, Domain.of(train, t, scaleVariables, spec));
        }
    }

    public boolean off() { return spec.off(); }

    /** The cheap form of the checks a search asks of every candidate ({@link Screen}); null when the checks are off. */
    public Predicate<FittedLaw> screen() {
        return spec.off() ? null : screenOnce()::passes;
    }

    /**
     * The range half of the screen ({@link Screen#inRange}): finite and within the target's natural
     * range on the screen's grid, monotone or not; null when the checks are off.
     */
    public Predicate<FittedLaw> inRange() {
        return spec.off() ? null : screenOnce()::inRange;
    }

    /** The screen's grid and rays, built when first asked and then shared: they depend on the domains alone. */
    private synchronized Screen screenOnce() {
        if (screen == null) {
            screen = new Screen(domains);
        }
        return screen;
    }

    public ShapeSpec spec() { return spec; }

    /** Where target {@code t}'s laws are checked (its train rows' {@link Domain}). */
    public Domain domain(String t) { return domains.get(t); }

    /** Passes every law when the checks are off. */
    public boolean sound(Law law) {
        return spec.off() || verdict(law).sound();
    }

    /** The checks of {@code law} fitted on the train rows; a fit that throws fails them. */
    public Soundness.Verdict verdict(Law law) {
        return checked(law).verdict();
    }

    /**
     * {@code law} fitted on all train rows, the fit its verdict was drawn from (made now if it was
     * not asked yet), or null when that fit failed: the run reports this fit rather than fit the
     * same rows a second time.
     */
    public FittedLaw fitted(Law law) {
        return checked(law).fitted();
    }

    /**
     * {@code law}'s fit on all train rows if the gate has already made it (with the checks on, every
     * front law's), else null. Never fits: read after the run, when the gate's pool is shut down.
     */
    public FittedLaw fittedIfChecked(Law law) {
        Checked c = checked.get(law);
        return c == null ? null : c.fitted();
    }

    /** {@code law}'s verdict if the gate has already drawn it (with the checks on, every front law's), else null. Never fits. */
    public Soundness.Verdict verdictIfChecked(Law law) {
        Checked c = checked.get(law);
        return c == null ? null : c.verdict();
    }

    private Checked checked(Law law) {
        return checked.computeIfAbsent(law, l -> {
            try {
                Problem all = Problem.trainTest(train);
                FittedLaw fitted = Protocol.fit(l, all, options, pool);
                return new Checked(fitted, check(fitted), Protocol.scoreFitRows(fitted, all).scores().nmse());
            } catch (RuntimeException e) {
                return new Checked(null, new Soundness.Verdict(false, false, false, "its fit failed: " + e.getMessage()),
                        Double.POSITIVE_INFINITY);
            }
        });
    }

    /**
     * Whether {@code law}'s fit on all train rows (the fit a run reports) found what its validation
     * fits found: its train NMSE at most {@link #FAILED_RATIO} × {@code validationNmse} or
     * {@link #FAILED_FLOOR}. A law whose constants cannot be found again on the rows it is reported
     * with is not reported, however it validated.
     */
    public boolean refits(Law law, double validationNmse) {
        if (spec.off()) {
            return true;
        }
        return checked(law).trainNmse() <= Math.max(FAILED_RATIO * validationNmse, FAILED_FLOOR);
    }

    /**
     * Whether the train rows pin {@code law} where extrapolation starts: its {@link FrontierSpread}
     * at most {@link #MAX_FRONTIER_SPREAD}, or not measurable (no scale variable). Costs a bootstrap,
     * so it is asked only of a law about to be reported.
     */
    public boolean pinned(Law law) {
        return spec.off() || !(frontierSpread(law) > MAX_FRONTIER_SPREAD);   // NaN: nothing to measure, nothing against it
    }

    /**
     * The {@link FrontierSpread} of {@code law} as a run would report it (its {@link ReadableLaw}
     * form, whose constants the optimiser may find more or less surely than the search's form's),
     * under the bootstrap the run's intervals give that form: as many refits, from the same seed, so
     * what {@code predict} shows of the reported law is what was checked here. +∞ when a fit fails.
     */
    public double frontierSpread(Law law) {
        return pins.computeIfAbsent(law, this::pin).spread();
    }

    /** Measured on the fit the verdict was drawn from: the law is fitted on all train rows once. */
    private Pin pin(Law l) {
        FittedLaw fitted = checked(l).fitted();
        if (fitted == null) {
            return new Pin(Double.POSITIVE_INFINITY, null, null);
        }
        try {
            FittedLaw shown = ReadableLaw.of(fitted, train);
            Law form = shown.law();
            List<FittedLaw> refits = Bootstrap.refits(form, train, options, Bootstrap.seedFor(seed),
                    Bootstrap.resamples(form, train, options), pool);
            return new Pin(FrontierSpread.of(shown, refits, train, scaleVariables()), form, refits);
        } catch (RuntimeException e) {
            return new Pin(Double.POSITIVE_INFINITY, null, null);
        }
    }

    /** The scale variables the checks run along (the shape spec's when it states them): every target's domain has the same. */
    private List<String> scaleVariables() {
        return domains.values().iterator().next().scale();
    }

    /**
     * The bootstrap refits already drawn for a readable form {@code form} from run seed {@code
     * runSeed} (with the count the run's intervals draw), or null: the reported law's intervals reuse
     * them rather than refit the same resamples again.
     */
    public List<FittedLaw> bootstrap(Law form, long runSeed) {
        if (runSeed != seed) {
            return null;
        }
        synchronized (pins) {
            return pins.values().stream().filter(p -> form.equals(p.form())).map(Pin::refits).findFirst().orElse(null);
        }
    }

    /** Every law whose frontier spread was measured, with it, in the order measured: the run log names those passed over. */
    public Map<Law, Double> spreads() {
        Map<Law, Double> out = new LinkedHashMap<>();
        synchronized (pins) {
            pins.forEach((law, p) -> out.put(law, p.spread()));
        }
        return out;
    }

    /** The checks of a law already fitted on the train rows. */
    public Soundness.Verdict check(FittedLaw fitted) {
        return Soundness.check(fitted, domains);
    }
}
