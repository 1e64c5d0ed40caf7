package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import lawsearch.engine.run.DataSnapshot;
import lawsearch.engine.run.RunConfig;
import lawsearch.engine.task.TaskSpec;
import lawsearch.engine.task.Tasks;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.CsvTable;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Option;

/**
 * Where the runs come from: a task (seeds/<task>/task.json: data file, targets, aliases, cap) or a
 * plain CSV with --target; explicit options override the task's.
 */
public final class DataOptions {
    @Option(names = "--task", description = "Task name (seeds/<task>/task.json): data, targets, aliases, parameter cap.")
    String task;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV of runs: [group,][split,]features...,targets...")
    Path data;

    @Option(names = "--target", split = ",", paramLabel = "COL", description = "Target column(s), comma-separated.")
    List<String> targets;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Feature columns (default: the task's own with --task and no --data, else every other numeric column).")
    List<String> features;

    @Option(names = "--holdout", paramLabel = "RULE", description = "Test rows when the CSV has no split column, e.g. \"num_params >= 4e9\".")
    String holdout;

    @Option(names = "--data-seed", paramLabel = "N", defaultValue = "0", description = "Seed of the generated demo data (default ${DEFAULT-VALUE}).")
    long dataSeed;

    /**
     * What the user should know about text columns of a --data CSV read with the default features:
     * one that sorts the runs (from 2 values to half as many as rows: dense and MoE, two optimisers)
     * is read neither as a feature nor as groups, and the run fits as if it did not exist (on a
     * dense + MoE sweep, validation R² 0.835 with no word why). A column of names, one a run, is not
     * named. Empty with --features or --task's own data.
     */
    List<String> textNotes() {
        if (data == null || features != null || targets == null) {
            return List.of();
        }
        CsvTable table = CsvTable.read(data, data.toString());
        List<String> out = new java.util.ArrayList<>();
        CsvLoader.textColumns(table, targets).forEach((c, values) -> {
            if (values.size() >= 2 && values.size() <= table.rows().size() / 2) {
                String shown = String.join(", ", values.subList(0, Math.min(5, values.size()))) + (values.size() > 5 ? ", …" : "");
                out.add(data + ": column '" + c + "' is text (" + values.size() + " values: " + shown + ") and not read: "
                        + (table.has(CsvLoader.GROUP) ? "" : "name it group to fit each value its own constants, or ")
                        + "write it as numbers (0 and 1 for two values) for a law to read it");
            }
        });
        return out;
    }

    /** The task spec, if --task was given. */
    TaskSpec spec() { return task == null ? null : Tasks.load(task); }

    /** The dataset these options name, test rows included (callers hand the search a copy without them). */
    Dataset load() {
        if (task == null && data == null) {
            throw new UserError("give --task NAME or --data FILE --target COL");
        }
        return load(spec(), data, targets, features, holdout, dataSeed);
    }

    /**
     * The dataset of the run in {@code runDir} (to resume it): its own snapshot, checked against the
     * checksum in config.json; a run made before snapshots (no checksum recorded) reloads the source
     * its config.json names, with the columns it resolved when it started. A run that recorded a
     * checksum and lost its snapshot is refused rather than resumed on a source that may have changed.
     */
    static Dataset load(Path runDir, RunConfig config) {
        return DataSnapshot.exists(runDir) || config.dataSha256() != null ? DataSnapshot.load(runDir, config) : load(config);
    }

    private static Dataset load(RunConfig config) {
        RunConfig.Source s = config.data();
        TaskSpec spec = s.task() == null ? null : Tasks.load(s.task());
        boolean taskData = spec != null && s.file() != null && Path.of(s.file()).equals(absolute(spec.dataPath(Tasks.repoRoot())));
        return load(spec, s.file() == null || taskData ? null : Path.of(s.file()), config.targets(), config.features(),
                s.holdout(), s.dataSeed());
    }

    /** The data: {@code file} null means the task's own (generated for the demo). */
    private static Dataset load(TaskSpec spec, Path file, List<String> targets, List<String> features, String holdout,
                                long dataSeed) {
        if (spec != null && spec.isGenerated() && file == null) {
            return DemoData.generate(dataSeed).withAliases(spec.aliases());
        }
        Path f = file != null ? file : spec.dataPath(Tasks.repoRoot());
        List<String> t = targets != null ? targets : spec != null ? spec.targets() : null;
        if (t == null || t.isEmpty()) {
            throw new UserError("give --target COL (the column to predict" + candidates(f) + ")");
        }
        List<String> fs = features != null ? features : spec != null && file == null ? spec.features() : List.of();
        Map<String, String> aliases = spec != null ? spec.aliases() : Map.of();
        return CsvLoader.load(f, new LoadOptions(t, fs, holdout, aliases));
    }

    /**
     * The columns of {@code f} a target could be, for the message asking for one, so a user who left
     * out --target sees what to write: the last column, where the CSV format puts targets, suggested.
     */
    private static String candidates(Path f) {
        CsvTable table = CsvTable.read(f, f.toString());
        List<String> cols = table.columns().keySet().stream()
                .filter(c -> !c.equals(CsvLoader.GROUP) && !c.equals(CsvLoader.SPLIT)).toList();
        return cols.isEmpty() ? "" : ": " + f + " has columns " + String.join(", ", cols)
                + "; targets come last, e.g. --target " + cols.get(cols.size() - 1);
    }

    /** A short name for output folders and reports. */
    String name() {
        if (task != null) {
            return task;
        }
        String f = data.getFileName().toString();
        return f.endsWith(".csv") ? f.substring(0, f.length() - 4) : f;
    }

    /** The data as the user named it, for a run's config.json (the file made absolute). */
    RunConfig.Source source() {
        Path f = file();
        return new RunConfig.Source(task, f == null ? null : absolute(f).toString(),
                targets, features, holdout, dataSeed);
    }

    private static Path absolute(Path f) { return f.toAbsolutePath().normalize(); }

    /** Path of the data file for tools that need it (Python side-by-side), or null for generated data. */
    Path file() {
        TaskSpec spec = spec();
        if (data != null) {
            return data;
        }
        return spec == null || spec.isGenerated() ? null : spec.dataPath(Tasks.repoRoot());
    }
}
