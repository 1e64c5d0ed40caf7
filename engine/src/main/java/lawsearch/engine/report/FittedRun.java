package lawsearch.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;

import lawsearch.engine.run.RunConfig;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.simplify.Canonical;

/**
 * A run's chosen law refitted on the run's own data: the dataset reloaded from config.json, the
 * law (with its fit settings) from best.law, and the evaluation redone exactly as discovery did it
 * (same fit options, same start seed), so constants and test R² equal result.json's. Plots and
 * exports start from here.
 */
public record FittedRun(RunDir run, Dataset data, Law law, Evaluation evaluation) {

    public static final String BEST = "best.law";

    public static FittedRun of(RunDir run) {
        Dataset data = dataset(run.config());
        Law law = law(run.dir().resolve(BEST), data);
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Math.min(run.config().threads(), Runtime.getRuntime().availableProcessors())));
        try {
            return new FittedRun(run, data, law, Evaluation.of(law, data,
                    run.config().search().fit().fitOptions().withSeed(Canonical.hash(law)), pool));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The dataset a run searched, test rows included, loaded as its config.json names it. */
    public static Dataset dataset(RunConfig c) {
        RunConfig.Source s = c.data();
        if (s == null || s.file() == null) {
            return DemoData.generate(s == null ? 0 : s.dataSeed()).withAliases(c.aliases() == null ? java.util.Map.of() : c.aliases());
        }
        return CsvLoader.load(Path.of(s.file()), new LoadOptions(c.targets(), c.features(), s.holdout(),
                c.aliases() == null ? java.util.Map.of() : c.aliases()));
    }

    static Law law(Path file, Dataset data) {
        try {
            return LawFile.parse(Files.readString(file), file.toString(), data.variableNames()).law();
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": not found (the run chose no law)");
        } catch (IOException e) {
            throw new UserError(file + ": unreadable: " + e.getMessage());
        }
    }

    /** Test R² of the refit (null without test rows). */
    public Double r2() { return evaluation.test() == null ? null : evaluation.test().r2(); }
}
