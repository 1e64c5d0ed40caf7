package lawsearch.engine.run;

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
import lawsearch.grammar.core.Law;

/**
 * Whether a law may be reported: fitted on every train row (as the reported law is) and checked by
 * {@link Soundness} over the train rows' {@link Domain}, with what the user's {@link ShapeSpec}
 * states in place of what the rows show. Verdicts are kept per law, so a law is fitted for this
 * once. With the checks off ({@code --shape none}) every law passes unchecked.
 */
public final class ShapeGate {
    private final Dataset train;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final ShapeSpec spec;
    private final FitOptions options;
    private final ForkJoinPool pool;
    private final Map<Law, Soundness.Verdict> verdicts = new ConcurrentHashMap<>();

    public ShapeGate(Dataset data, List<String> scaleVariables, ShapeSpec spec, FitOptions options, ForkJoinPool pool) {
        this.train = data.withoutTest();
        this.spec = spec;
        this.options = options;
        this.pool = pool;
        for (String t : train.targets()) {
            domains.put(t, Domain.of(train, t, scaleVariables, spec));
        }
    }

    public boolean off() { return spec.off(); }

    /** The cheap form of the checks a search asks of every candidate ({@link Screen}); null when the checks are off. */
    public Predicate<FittedLaw> screen() {
        if (spec.off()) {
            return null;
        }
        Screen screen = new Screen(domains);
        return screen::passes;
    }

    public ShapeSpec spec() { return spec; }

    /** Passes every law when the checks are off. */
    public boolean sound(Law law) {
        return spec.off() || verdict(law).sound();
    }

    /** The checks of {@code law} fitted on the train rows; a fit that throws fails them. */
    public Soundness.Verdict verdict(Law law) {
        return verdicts.computeIfAbsent(law, l -> {
            try {
                return check(Protocol.fit(l, Problem.trainTest(train), options, pool));
            } catch (RuntimeException e) {
                return new Soundness.Verdict(false, false, false, "its fit failed: " + e.getMessage());
            }
        });
    }

    /** The checks of a law already fitted on the train rows. */
    public Soundness.Verdict check(FittedLaw fitted) {
        return Soundness.check(fitted, domains);
    }
}
