package lawsearch.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.search.HallOfFame;
import lawsearch.engine.search.Score;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.soundness.CounterTrend;
import lawsearch.evaluator.soundness.Domain;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.evaluator.soundness.Soundness;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;

/**
 * The law a run passed over for its shape ({@code result.json}'s {@code passed_over}): the Pareto
 * front's best-validating law that failed the shape checks, when the validation folds tell it apart
 * from the reported law ({@link HallOfFame#indistinguishable}, the paired rule) and it predicts them
 * better. A researcher reads why (the verdict's first failure) and, where the train rows themselves go
 * the way it was refused for ({@link CounterTrend}), that too, with the {@code --shape} that checks only
 * the other variables: which to trust, the data or the expected shape, is theirs to judge.
 * {@code data}: those counter-trends in words, empty when the rows agree with the checks.
 */
public record PassedOver(@JsonProperty("law") String law,
                         @JsonProperty("validation_r2") double validationR2,
                         @JsonProperty("detail") String detail,
                         @JsonProperty("data") List<String> data,
                         @JsonProperty("shape_hint") String shapeHint) {

    /** The passed-over law of a finished run whose reported law passed the checks, if there is one. */
    static Optional<PassedOver> of(Discovery.Outcome o, Dataset train) {
        Score chosen = o.chosen();
        if (chosen == null || o.shape() == null || o.shape().off() || !o.shape().verdict(chosen.law()).sound()) {
            return Optional.empty();
        }
        Optional<Score> better = o.search().hallOfFame().front().stream()
                .filter(s -> !s.failed() && s.validationNmse() < chosen.validationNmse() && s.hash() != chosen.hash())
                .filter(s -> !o.shape().verdict(s.law()).sound())
                .min(Comparator.comparingDouble(Score::validationNmse).thenComparingLong(Score::hash));
        if (better.isEmpty()) {
            return Optional.empty();
        }
        double[] reported = o.fitness().shares(chosen.law());
        double[] rival = o.fitness().shares(better.get().law());
        if (reported == null || rival == null || HallOfFame.indistinguishable(reported, rival)) {   // a failed fold fit tells nothing apart
            return Optional.empty();
        }
        Soundness.Verdict v = o.shape().verdict(better.get().law());
        List<String> data = new ArrayList<>();
        List<String> against = new ArrayList<>();
        for (String t : train.targets()) {
            Domain d = o.shape().domain(t);
            for (CounterTrend.Finding f : CounterTrend.of(train, t, d)) {
                data.add(f.describe(d.falls()));
                if (!against.contains(f.variable())) {
                    against.add(f.variable());
                }
            }
        }
        Law law = better.get().law();
        FittedLaw fitted = o.shape().fittedIfChecked(law);   // the verdict's fit: shown in readable form, as a reported law is
        Law shown = fitted == null ? law : ReadableLaw.of(fitted, train).law();
        return Optional.of(new PassedOver(Printer.printWhere(shown.expr()), better.get().validationR2(), v.detail(),
                data, !v.monotone() && train.targets().size() == 1 ? hint(o.shape().domain(train.targets().get(0)), against) : null));
    }

    /**
     * The {@code --shape} that checks the direction only along the scale variables the rows agree on
     * (null when the rows agree everywhere), then the {@code --scale} that reads the others as
     * settings: a learning rate swept past its optimum at small models and short of it at large ones
     * moves the loss one way often enough to pass for a size ({@link lawsearch.engine.search.ScaleVariables}),
     * and only the researcher knows which it is. Given only for a refusal by direction and a single
     * target (targets may go different ways).
     */
    static String hint(Domain d, List<String> against) {
        if (against.isEmpty()) {
            return null;
        }
        List<String> agreed = d.scale().stream().filter(v -> !against.contains(v)).toList();
        return agreed.isEmpty() ? "--shape none (no variable where the rows agree with the direction)"
                : "--shape \"" + new ShapeSpec(false, d.falls(), agreed, ShapeSpec.Range.AUTO).text() + "\" checks only "
                + String.join(", ", agreed) + "; --shape none checks nothing; if " + String.join(", ", against)
                + (against.size() == 1 ? " is a setting" : " are settings") + " (a learning rate, a batch size) rather than a size, --scale "
                + String.join(",", agreed) + " fits " + (against.size() == 1 ? "its" : "their") + " best value at each size";
    }
}
