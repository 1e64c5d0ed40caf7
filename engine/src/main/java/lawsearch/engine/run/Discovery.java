package lawsearch.engine.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import lawsearch.engine.search.Score;
import lawsearch.engine.search.Search;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.search.SearchState;
import lawsearch.engine.search.Templates;
import lawsearch.engine.search.ValidationSplit;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.fit.FitOptions;
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

    public record Outcome(Search.Result search, Score chosen, Evaluation evaluation, Grammar grammar,
                          List<String> scaleVariables) { }

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

    public static Outcome run(Dataset data, List<Law> seeds, Integer maxParams, List<String> scale,
                              SearchConfig config, AtomicBoolean stop, Consumer<Generation> progress) {
        return run(data, seeds, true, maxParams, scale, null, config, stop, Hooks.progress(progress));
    }

    /**
     * A run whose grammar is the default for the data with {@code changes} (a task's; null: none).
     * The initial populations hold {@code seeds} and, with {@code templates}, the documented families
     * written on the data's columns ({@link Templates}); the grammar widens to admit them all. The
     * reported law weighs both ({@link HallOfFame#reported(List, List, Function)}): a seed within two
     * standard errors of the fittest law, a template only when it validates better.
     */
    public static Outcome run(Dataset data, List<Law> seeds, boolean templates, Integer maxParams, List<String> scale,
                              GrammarSpec changes, SearchConfig config, AtomicBoolean stop, Hooks hooks) {
        Dataset train = data.withoutTest();
        List<ValidationSplit> folds = Folds.of(train, scale, config.seed());
        ValidationSplit split = folds.get(0);
        Grammar base = Grammars.forData(train, maxParams, split.scaleVariables(), changes);
        Fitness fitness = new Fitness(folds, FitOptions.DEFAULT);
        List<Law> resolved = seeds.stream().map(l -> Laws.resolveAliases(l, train)).toList();
        List<Law> written = templates ? Templates.of(train, base, split.scaleVariables(), maxParams) : List.of();
        List<Law> starts = new ArrayList<>(resolved);
        starts.addAll(written);
        Grammar grammar = base.admitting(starts);
        Search search = new Search(fitness, new Generator(grammar), config, starts, stop);
        if (hooks.from() != null) {
            search.resumeFrom(hooks.from());
        }
        Search.Result result = search.run(hooks.progress(), hooks.boundary());
        Score fittest = result.hallOfFame().chosen();
        Score chosen = result.hallOfFame().reported(documented(resolved, grammar, fittest).stream().map(fitness::score).toList(),
                documented(written, grammar, fittest).stream().map(fitness::score).toList(), fitness::shares);
        if (chosen == null) {
            return new Outcome(result, null, null, grammar, split.scaleVariables());
        }
        ForkJoinPool pool = new ForkJoinPool(config.threads());
        try {
            Evaluation ev = Evaluation.of(chosen.law(), data, FitOptions.DEFAULT, pool);
            return new Outcome(result, chosen, ev, grammar, split.scaleVariables());
        } finally {
            pool.shutdownNow();
        }
    }

    /** runs/<task>/<name>/run-<i>/ */
    public static Path runDir(Path out, String task, String name, int index) {
        return out.resolve(task).resolve(name).resolve("run-" + index);
    }
}
