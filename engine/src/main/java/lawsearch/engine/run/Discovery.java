package lawsearch.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import lawsearch.engine.search.Boundary;
import lawsearch.engine.search.Fitness;
import lawsearch.engine.task.GrammarSpec;
import lawsearch.engine.search.Folds;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Grammars;
import lawsearch.engine.search.HallOfFame;
import lawsearch.engine.search.RowSample;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.Search;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.search.SearchOptions;
import lawsearch.engine.search.SearchState;
import lawsearch.engine.search.FitVariants;
import lawsearch.engine.search.Templates;
import lawsearch.engine.search.ValidationSplit;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.operators.Generator;
import lawsearch.grammar.operators.Grammar;

/**
 * One discovery run end to end. The search is handed {@code data.withoutTest()} — it cannot reach a
 * test row — and only after it has chosen a law is that law refitted on all train rows and scored,
 * once, on the test rows.
 */
public final class Discovery {
    private Discovery() { }

    /**
     * {@code chosen}: the reported law as the search wrote and scored it; {@code evaluation}: that law
     * refitted on all train rows, in its readable form ({@link ReadableLaw}: the same predictions),
     * scored on the test rows: what is printed, written and exported. {@code fitness}: the run's
     * validation folds and scorer, which the prediction intervals reuse. {@code shape}: the soundness
     * verdicts of the front's laws. {@code templates}: the documented templates as the reported-law
     * rule weighed them, each under every fit setting it was tried with (empty with templates off);
     * {@code documented}: likewise the seed laws (the task's and the user's own).
     */
    public record Outcome(Search.Result search, Score chosen, Evaluation evaluation, Grammar grammar,
                          List<String> scaleVariables, Fitness fitness, ShapeGate shape, List<Score> templates,
                          List<Score> documented) { }

    /**
     * What a run is told along the way: each generation's summary, each generation boundary (where
     * it may checkpoint) and, for a resumed run, the state to continue from (null: a fresh search).
     */
    public record Hooks(Consumer<Generation> progress, Boundary boundary, SearchState from) {
        public static Hooks progress(Consumer<Generation> progress) {
            return new Hooks(progress, Boundary.NONE, null);
        }
    }

    /**
     * The documented forms the reported-law rule weighs: each seed law the grammar admits (those it
     * does not were never candidates), as written and with the fittest law's fit settings. Fit
     * settings evolve with the expression: on the demo the search found Chinchilla's form fitted
     * with weights growing with model size, which extrapolates better than the seed's uniform
     * weights; the form is the author's either way, and is reported in the author's words.
     */
    static List<Law> documented(List<Law> seeds, Grammar grammar, Score fittest) {
        List<Law> out = new ArrayList<>();
        for (Law l : seeds) {
            if (grammar.accepts(l)) {
                out.add(l);
                if (fittest != null && !l.fit().equals(fittest.law().fit())) {
                    out.add(l.withFit(fittest.law().fit()));
                }
            }
        }
        return out;
    }

    /**
     * The templates the reported-law rule weighs: each as {@link #documented} gives it, then under
     * every fit setting the search polishes its best laws with ({@link FitVariants}). A template is
     * never the fittest law, so the search does not polish it, and in a short run its settings are
     * those of its first draw or of the fittest law: on lr_bsz every 2-minute seed weighed the
     * 17-constant template under mse weighted by data_size^0.5 (validation R² 0.797), while a
     * 6-minute seed that had met log-mse weighted by data_size validated at 0.857.
     */
    static List<Law> templateVariants(List<Law> written, Grammar grammar, Score fittest, List<String> scale) {
        LinkedHashSet<Law> out = new LinkedHashSet<>(documented(written, grammar, fittest));
        for (Law l : written) {
            if (grammar.accepts(l)) {
                out.addAll(FitVariants.of(l, scale));
            }
        }
        return List.copyOf(out);
    }

    /**
     * What a run searches with besides its data: the seed laws joining the initial populations,
     * whether the documented templates join them too, the parameter cap over all targets (empty: no
     * cap), the scale variables (empty: guessed from the data), the task's changes to the grammar
     * (empty: none) and the search's budget, seed and options. Built with {@link #builder}.
     */
    public record Settings(List<Law> seeds, boolean templates, OptionalInt maxParams, Optional<List<String>> scale,
                           Optional<GrammarSpec> grammar, ShapeSpec shape, SearchConfig search) {

        public Settings {
            seeds = List.copyOf(seeds);
            scale = scale.map(List::copyOf);
        }

        /** No seed laws, templates on, no cap, guessed scale variables, the default grammar. */
        public static Builder builder(SearchConfig search) { return new Builder(search); }

        public static final class Builder {
            private final SearchConfig search;
            private List<Law> seeds = List.of();
            private boolean templates = true;
            private OptionalInt maxParams = OptionalInt.empty();
            private Optional<List<String>> scale = Optional.empty();
            private Optional<GrammarSpec> grammar = Optional.empty();
            private ShapeSpec shape = ShapeSpec.AUTO;

            private Builder(SearchConfig search) { this.search = search; }

            public Builder seeds(List<Law> s) { seeds = s; return this; }

            public Builder templates(boolean on) { templates = on; return this; }

            public Builder maxParams(int cap) { maxParams = OptionalInt.of(cap); return this; }

            public Builder scale(List<String> variables) { scale = Optional.of(variables); return this; }

            public Builder grammar(GrammarSpec changes) { grammar = Optional.of(changes); return this; }

            /** What the reported law's shape must be (default: as the train rows show). */
            public Builder shape(ShapeSpec s) { shape = s; return this; }

            public Settings build() { return new Settings(seeds, templates, maxParams, scale, grammar, shape, search); }
        }
    }

    /**
     * A run whose grammar is the default for the data with the settings' changes. The initial
     * populations hold the seed laws and, with templates on, the documented families written on the
     * data's columns ({@link Templates}); the grammar widens to admit them all. The reported law
     * weighs both ({@link HallOfFame#reported(List, List, Function)}): a seed within two standard
     * errors of the fittest law, a template only when it validates better.
     */
    public static Outcome run(Dataset data, Settings settings, AtomicBoolean stop, Hooks hooks) {
        SearchConfig config = settings.search();
        SearchOptions options = config.options();
        // The grammar and the templates read a missing cap as null, the folds missing scale variables.
        Integer maxParams = settings.maxParams().isPresent() ? settings.maxParams().getAsInt() : null;
        Dataset train = data.withoutTest();
        List<ValidationSplit> folds = Folds.of(train, settings.scale().orElse(null), config.seed(), options.folds());
        ValidationSplit split = folds.get(0);
        Grammar base = Grammars.forData(train, maxParams, split.scaleVariables(), settings.grammar().orElse(null));
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try {
            ShapeGate shape = new ShapeGate(data, split.scaleVariables(), settings.shape(), options.fit().fitOptions(), pool,
                    config.seed());
            Fitness fitness = fitness(folds, options, shape);
            List<Law> resolved = settings.seeds().stream().map(l -> Laws.resolveAliases(l, train)).toList();
            List<Law> written = settings.templates()
                    ? Templates.of(train, base, split.scaleVariables(), maxParams, options.templates()) : List.of();
            List<Law> starts = new ArrayList<>(resolved);
            starts.addAll(written);
            Grammar grammar = base.admitting(starts);
            Fitness searched = searchFitness(train, split.scaleVariables(), fitness, config, shape);
            Search search = new Search(searched, new Generator(grammar), config, starts, stop);
            if (hooks.from() != null) {
                search.resumeFrom(hooks.from());
            }
            Search.Result result = search.run(hooks.progress(), hooks.boundary());
            if (searched != fitness) {
                result = rescored(result, searched, fitness, options.polish(), pool);
            }
            Score fittest = result.hallOfFame().chosen();
            List<Score> documented = documented(resolved, grammar, fittest).stream().map(fitness::score).toList();
            List<Score> templates = weighedTemplates(templateVariants(written, grammar, fittest, split.scaleVariables()), searched,
                    fitness, pool);
            if (!shape.off()) {   // every front law's verdict (pareto.json marks each), fitted side by side on the pool
                List<Law> front = result.hallOfFame().front().stream().map(Score::law).toList();
                pool.submit(() -> front.parallelStream().forEach(shape::verdict)).join();
            }
            Score chosen = result.hallOfFame().reported(documented, templates, fitness::shares,
                    s -> shape.sound(s.law()) && shape.refits(s.law(), s.validationNmse()), s -> shape.pinned(s.law()));
            Evaluation ev = chosen == null ? null : ReadableLaw.of(evaluation(chosen.law(), shape, data, options, pool), data);
            return new Outcome(result, chosen, ev, grammar, split.scaleVariables(), fitness, shape, templates, documented);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What the search scores laws with: {@code full} itself, or, on a sweep of more train rows than
     * {@link SearchOptions#searchRows()}, the same scoring on a fixed sample of them ({@link RowSample}),
     * its folds cut along the scale variables found on all the rows.
     */
    private static Fitness searchFitness(Dataset train, List<String> scale, Fitness full, SearchConfig config, ShapeGate shape) {
        SearchOptions options = config.options();
        Dataset sample = RowSample.of(train, options.searchRows());
        if (sample == train) {
            return full;
        }
        return fitness(Folds.of(sample, scale, config.seed(), options.folds()), options, shape);
    }

    /** Scoring on {@code folds} as the options say, the shape screen's charge included: one recipe for the full rows and the sample. */
    private static Fitness fitness(List<ValidationSplit> folds, SearchOptions options, ShapeGate shape) {
        return new Fitness(folds, options.fit().fitOptions(), options.parsimony(), shape.screen(), options.unsoundPenalty());
    }

    /**
     * A search on a sample, its front and its {@code polish} fittest laws (the polish's variants
     * among them) scored again on all train rows: the hall of fame the reported-law rule reads is of
     * those scores alone. The history stays the sample's.
     */
    private static Search.Result rescored(Search.Result result, Fitness sample, Fitness full, int polish, ForkJoinPool pool) {
        Set<Law> laws = new LinkedHashSet<>();
        result.hallOfFame().front().forEach(s -> laws.add(s.law()));
        // the polish fittest hold their laws (a law let go never re-enters them); hasLaw only guards
        sample.all().stream().filter(s -> !s.failed()).sorted(HallOfFame.BY_FITNESS).limit(Math.max(1, polish))
                .filter(Score::hasLaw).forEach(s -> laws.add(s.law()));
        full.scoreAll(new ArrayList<>(laws), pool);
        return new Search.Result(HallOfFame.of(full.all()), result.history(), result.evaluations() + full.evaluations(),
                result.seconds(), result.interrupted());
    }

    /**
     * The templates' scores the reported-law rule weighs: every variant's on all train rows; after a
     * search on a sample, every variant's on the sample and then only each template's best setting
     * scored again on all rows (a template has some twenty variants, each as costly as a law of the
     * search: on 17 600 rows they took most of the run's time after its search).
     */
    private static List<Score> weighedTemplates(List<Law> variants, Fitness searched, Fitness full, ForkJoinPool pool) {
        if (searched == full) {
            return full.scoreAll(variants, pool);
        }
        List<Score> fitted = searched.scoreAll(variants, pool).stream().filter(s -> !s.failed()).toList();
        return full.scoreAll(Score.bestPerExpression(fitted).values().stream().map(Score::law).toList(), pool);
    }

    /**
     * The reported law scored once on the test rows, with the fit on all train rows the shape gate
     * already made for its verdict (the same rows, options and seed, so the same constants); fitted
     * here only where that fit failed, so a failure surfaces as it always did.
     */
    private static Evaluation evaluation(Law law, ShapeGate shape, Dataset data, SearchOptions options, ForkJoinPool pool) {
        long t0 = System.nanoTime();
        FittedLaw fitted = shape.fitted(law);
        return fitted == null ? Evaluation.of(law, data, options.fit().fitOptions(), pool)
                : Evaluation.of(fitted, data, (System.nanoTime() - t0) / 1e9);
    }

    /** runs/<task>/<name>/run-<i>/ */
    public static Path runDir(Path out, String task, String name, int index) {
        return out.resolve(task).resolve(name).resolve("run-" + index);
    }
}
