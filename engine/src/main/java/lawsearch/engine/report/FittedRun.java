package lawsearch.engine.report;

import java.nio.file.Path;

import lawsearch.engine.run.DataSnapshot;
import lawsearch.engine.run.FitFile;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;

/**
 * A finished run's reported law with its constants, read from the run directory alone: the rows
 * from its snapshot ({@code data.csv}, checked against config.json's checksum) and the fitted law
 * from {@code fit.json}. Nothing is refitted, so plots and exports show exactly the constants the
 * run reported, and a run directory moved elsewhere, or whose source CSV was deleted, reads the same.
 */
public record FittedRun(RunDir run, Dataset data, FitFile file, FittedLaw fitted) {

    public static FittedRun of(RunDir run) {
        Path dir = run.dir();
        if (!DataSnapshot.exists(dir)) {
            throw new UserError(dir.resolve(DataSnapshot.FILE) + ": not found (the run was made by an older lawsearch, without a data snapshot)");
        }
        FitFile file = FitFile.read(dir);
        Dataset data = DataSnapshot.load(dir, run.config());
        file.requireCovers(data.groups().stream().map(Group::name).toList(), data.targets(), data.features(), dir);
        return new FittedRun(run, data, file, file.fitted(data.variableNames()));
    }

    public Law law() { return fitted.law(); }

    /** Test R² as the run recorded it (null without test rows). */
    public Double r2() { return file.scores().r2(); }
}
