package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import lawsearch.engine.run.CheckpointStore;
import lawsearch.engine.run.DataSnapshot;
import lawsearch.engine.run.Discovery;
import lawsearch.engine.run.PreviousRun;
import lawsearch.engine.run.RunConfig;
import lawsearch.engine.search.Folds;
import lawsearch.engine.search.ScaleVariables;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.engine.run.RunPlan;
import lawsearch.engine.run.RunReport;
import lawsearch.engine.run.RunResult;
import lawsearch.engine.run.RunState;
import lawsearch.engine.search.SearchOptions;
import lawsearch.engine.task.LawChecks;
import lawsearch.engine.task.SeedLaws;
import lawsearch.engine.task.TaskSpec;
import lawsearch.engine.task.Tasks;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: evolve laws on the train rows, then score the chosen law once on the test rows. */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Search for a scaling law that extrapolates: R independent runs, results under --out.")
public final class DiscoverCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(names = "--max-params", paramLabel = "K", description = "Cap on fitted constants per group, all targets together (default: the task's, else 12 per target).")
    Integer maxParams;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1", description = "Independent runs, seeds S, S+1, ... (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the first run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time", paramLabel = "DURATION", description = "Search time per run, e.g. 90s, 10m, 1h (default 2m unless --generations is given).")
    String time;

    @Option(names = "--generations", paramLabel = "G", description = "Generations per run (exactly reproducible budget).")
    Long generations;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    static final String DEFAULT_NAME = "default";

    @Option(names = "--name", paramLabel = "NAME", defaultValue = DEFAULT_NAME, description = "Run name: the leaderboard entry, one folder under --out/<task>/ (default ${DEFAULT-VALUE}; blank: the default).")
    String name;

    @Option(names = "--replace", description = "Remove an earlier run's files from the run directories this run writes (without it such a directory is refused).")
    boolean replace;

    private String entry;
    private Double seconds;   // the time budget (null: --generations alone)

    @Option(names = "--no-seeds", description = "Start from random laws only, without the task's seed laws and the documented templates.")
    boolean noSeeds;

    @Option(names = "--law", paramLabel = "EXPR", description = "A law of your own to start from (repeatable), e.g. \"E + A*params^(-alpha) + B*tokens^(-beta)\": weighed as a task's seed laws are: reported (written readably) unless the search finds a law the validation folds tell apart from it.")
    List<String> ownLaws = List.of();

    @Option(names = "--law-file", paramLabel = "F.law", description = "As --law, from a .law file with its bounds and fit settings (repeatable).")
    List<Path> ownLawFiles = List.of();

    @Option(names = "--options", paramLabel = "FILE.json", description = "Search options overriding the defaults: a JSON object, e.g. {\"parsimony\": 0.05, \"fit\": {\"max_iterations\": 400}} (README: Search options).")
    Path options;

    @Option(names = "--scale", paramLabel = "COL,...", split = ",", description = "The scale variables the validation folds extrapolate along and the soundness checks follow (default: the task's, else found in the train rows: positive columns spanning 4x along which the target moves one way; the run log says why); none: no scale variable.")
    List<String> scaleColumns;

    @Option(names = "--shape", paramLabel = "SPEC", description = "The reported law's required shape: \"none\" (no checks), or e.g. \"decreasing: params, tokens; positive\" (default: the task's, else as the train rows show; README: Soundness).")
    String shapeText;

    @Option(names = "--json", description = "Print one JSON object: runs, best, mean, min (test R²).")
    boolean json;

    @Spec CommandSpec spec;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "Continue the run in RUN_DIR from its newest valid checkpoint (its data, seed, budget and search options come from RUN_DIR/config.json).")
    Path resume;

    @Option(names = "--checkpoint-every", paramLabel = "DURATION", defaultValue = "30s", description = "Checkpoint at the first generation boundary after this much search time since the last one (default ${DEFAULT-VALUE}).")
    String checkpointEvery;

    private Duration every;

    @Override
    public Integer call() {
        checkOptions();   // a bad value fails before any file is written
        try (Interrupts interrupts = new Interrupts(spec.commandLine().getErr())) {
            RunReport report = new RunReport(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
            List<RunResult> results = resume != null ? List.of(resume(report, interrupts.stop))
                    : fresh(report, interrupts.stop);
            report.summary(results);
            return interrupts.exitCode(0);
        }
    }

    /** The options' ranges and the run name, before anything is read or written. */
    private void checkOptions() {
        every = parseDuration("--checkpoint-every", checkpointEvery);
        OptionRange.atLeast("--runs", runs, 1);
        OptionRange.threads(threads);
        if (generations != null) {   // 0 with --time: no generation limit, the time alone is the budget
            OptionRange.atLeast("--generations", generations, time != null ? 0 : 1);
        }
        seconds = time == null && generations != null ? null : timeBudget(time == null ? "2m" : time);
        entry = entry(name);
    }

    /**
     * --name as the folder under --out/&lt;task&gt;/ it names: blank is the default entry; a name that
     * would reach another folder ('/', '\\', "..", ".") is refused.
     */
    static String entry(String name) {
        if (name.isBlank()) {
            return DEFAULT_NAME;
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.equals(".")) {
            throw new UserError("--name: '" + name + "' must not contain '/', '\\' or '..' (it names one folder under --out)");
        }
        return name;
    }

    private List<RunResult> fresh(RunReport report, AtomicBoolean stop) {
        SearchOptions search = options == null ? SearchOptions.DEFAULTS : OptionsFile.read(options);   // before any file is written
        Dataset ds = data.load();
        data.textNotes().forEach(n -> spec.commandLine().getErr().println("lawsearch: " + n));
        OptionRange.atLeast("--max-params", maxParams, ds.targets().size());   // one constant per target at least
        TaskSpec task = data.spec();
        Integer cap = maxParams != null ? maxParams : task != null ? task.maxParams() : null;
        Dataset train = ds.withoutTest();
        String shape = shape(task, ds);
        List<String> scale = scaleColumns != null ? scaleOption(scaleColumns, ds) : task != null ? task.scale() : null;
        String scaleFrom = scaleColumns != null ? "--scale" : scale != null ? "task" : RunConfig.SCALE_DETECTED;
        if (scale == null) {
            scale = ScaleVariables.detect(train).chosen();
        }
        Folds.requireRows(train, scale);
        List<Law> own = ownLaws(LawChecks.Names.of(ds, task));
        List<Law> seeds = new ArrayList<>(seedLaws(task, ds, !noSeeds));
        seeds.addAll(own);
        for (int i = 0; i < runs; i++) {   // before any run starts: a later one would otherwise fail half-way
            Path dir = Discovery.runDir(out, data.name(), entry, i);
            PreviousRun.refuseRunning(dir);
            if (!replace) {
                PreviousRun.refuseEarlier(dir);
            }
        }
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < runs && !stop.get(); i++) {
            Path dir = Discovery.runDir(out, data.name(), entry, i);
            String was = PreviousRun.clear(dir);
            if (was != null) {
                spec.commandLine().getErr().println("lawsearch: " + dir + ": replacing " + was + " (its files removed)");
                spec.commandLine().getErr().flush();
            }
            String sha = DataSnapshot.write(dir, ds);   // before config.json, which records its checksum
            RunConfig rc = RunConfig.builder().version(Main.VERSION).task(data.name()).entry(entry).index(i).seed(seed + i)
                    .data(data.source()).dataSha256(sha).features(ds.features()).targets(ds.targets()).aliases(ds.aliases())
                    .maxParams(cap).scale(scale).scaleFrom(scaleFrom).shape(shape).grammar(task == null ? null : task.grammar()).useSeeds(!noSeeds)
                    .generations(generations).timeSeconds(seconds).threads(threads).search(search)
                    .laws(own.stream().map(RunConfig::lawText).toList()).build();
            rc.write(dir);
            results.add(report.run(plan(rc, ds, seeds, dir, runs), stop, null));
        }
        return results;
    }

    /** Continues RUN_DIR from its newest valid checkpoint (or from the start when it has none yet). */
    private RunResult resume(RunReport report, AtomicBoolean stop) {
        refuseRunOptions();
        RunConfig rc = RunConfig.read(resume);
        RunState.read(resume).filter(s -> s.effectiveState().equals(RunState.RUNNING)).ifPresent(s -> {
            throw new UserError(resume + ": the run is still going (process " + s.pid() + " on " + s.host() + "); stop it before resuming");
        });
        Dataset ds = DataOptions.load(resume, rc);
        PrintWriter err = spec.commandLine().getErr();
        CheckpointStore.Loaded from = CheckpointStore.load(resume, rc.seed(), ds.variableNames(), m -> err.println("lawsearch: " + m));
        // The seed laws are loaded even when a checkpoint holds the populations: the grammar widens to admit them.
        List<Law> seeds = new ArrayList<>(seedLaws(rc.data().task() == null ? null : Tasks.load(rc.data().task()), ds, rc.useSeeds()));
        seeds.addAll(rc.ownLaws(ds.variableNames()));
        if (from == null) {
            err.println("lawsearch: " + resume + ": no checkpoint yet (stopped before its first): starting the run over");
        }
        err.flush();
        return report.run(plan(rc, ds, seeds, resume, rc.index() + 1), stop, from == null ? null : from.state());
    }

    /** A resumed run takes its data, seed, budget and search options from its config.json: options that would change them are refused. */
    private void refuseRunOptions() {
        List<String> given = new ArrayList<>();
        for (String o : List.of("--task", "--data", "--target", "--features", "--holdout", "--data-seed", "--max-params",
                "--runs", "--seed", "--time", "--generations", "--out", "--name", "--no-seeds", "--options", "--scale", "--shape",
                "--law", "--law-file", "--replace")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                given.add(o);
            }
        }
        if (!given.isEmpty()) {
            throw new UserError("--resume continues the run as " + resume.resolve(RunConfig.FILE)
                    + " records it: drop " + String.join(", ", given));
        }
    }

    /** --shape, else the task's: checked (its variables must be features) and written in canonical words; null for neither. */
    private String shape(TaskSpec task, Dataset ds) {
        String text = shapeText != null ? shapeText : task != null ? task.shape() : null;
        if (text == null) {
            return null;
        }
        String from = shapeText != null ? "--shape" : "the task's \"shape\"";
        ShapeSpec spec;
        try {
            spec = ShapeSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(from + ": " + e.getMessage());
        }
        if (spec.along() != null) {
            spec = new ShapeSpec(spec.off(), spec.falls(), columns(from, spec.along(), ds), spec.range());
        }
        requireRange(from, spec.range(), ds);
        return spec.text();
    }

    /**
     * A stated range the train rows already break is a mistake in the statement (an accuracy in
     * percent stated {@code unit}), not a shape for the search to aim at: no law could pass it, and
     * a run reported a law below 0 at validation R² -40. Refused, naming the target and the value.
     */
    private static void requireRange(String from, ShapeSpec.Range range, Dataset ds) {
        if (range != ShapeSpec.Range.UNIT && range != ShapeSpec.Range.POSITIVE) {
            return;
        }
        boolean unit = range == ShapeSpec.Range.UNIT;
        for (String t : ds.targets()) {
            for (Group g : ds.groups()) {
                for (double y : g.train().column(t)) {
                    if (unit ? y < 0 || y > 1 : y <= 0) {
                        throw new UserError(from + ": \"" + (unit ? "unit" : "positive") + "\" says " + t + " is "
                                + (unit ? "in [0, 1]" : "above 0") + ", but a train row of " + ds.source() + " has " + t + " = " + y
                                + (unit && y > 1 ? " (a percentage? give it as a fraction)" : ""));
                    }
                }
            }
        }
    }

    /**
     * {@code --scale}: the columns named, or none at all for {@code none} (unless a column is named so):
     * a sweep whose detected scale variable is not one (a mixture's step count, say) is then validated
     * on random folds and checked only for finiteness and range.
     */
    private static List<String> scaleOption(List<String> names, Dataset ds) {
        if (names.size() == 1 && names.get(0).strip().equalsIgnoreCase("none") && ds.resolve("none") == null) {
            return List.of();
        }
        return columns("--scale", names, ds);
    }

    /** Names resolved to feature columns (aliases allowed); one not a feature is a user error naming it. */
    private static List<String> columns(String option, List<String> names, Dataset ds) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String c = ds.resolve(n.strip());
            if (c == null || !ds.features().contains(c)) {
                throw new UserError(option + ": \"" + n.strip() + "\" is not a feature column (features: "
                        + String.join(", ", ds.features()) + ")");
            }
            if (out.contains(c)) {
                throw new UserError(option + ": \"" + n.strip() + "\" is given twice");
            }
            out.add(c);
        }
        return out;
    }

    private RunPlan plan(RunConfig rc, Dataset ds, List<Law> seeds, Path dir, int of) {
        return new RunPlan(rc, ds, seeds, rc.searchConfig(threads), dir, every, of);
    }

    /**
     * The user's own laws, each checked against the data's names as {@code eval} checks one; refused
     * beside --no-seeds, which asks for random laws only.
     */
    private List<Law> ownLaws(LawChecks.Names names) {
        if (noSeeds && !(ownLaws.isEmpty() && ownLawFiles.isEmpty())) {
            throw new UserError("--no-seeds starts from random laws only: it cannot take --law or --law-file");
        }
        List<Law> out = new ArrayList<>();
        for (String text : ownLaws) {
            Law law = LawOptions.fromText(text, names.variables());
            LawChecks.check(law, names, "--law");
            out.add(law);
        }
        for (Path f : ownLawFiles) {
            Law law = LawOptions.fromFile(f, names.variables());
            LawChecks.check(law, names, f.toString());
            out.add(law);
        }
        return out;
    }

    /** The task's seed laws joining the initial population (none without a task or with --no-seeds). */
    private static List<Law> seedLaws(TaskSpec task, Dataset ds, boolean use) {
        return !use || task == null ? List.of()
                : SeedLaws.load(task, Tasks.seedsDir().resolve(task.name()), LawChecks.Names.of(ds, task)).stream()
                        .map(s -> s.lawFile().law()).toList();
    }

    /**
     * --time in seconds. Zero is refused, not read as "no time limit" (as --generations 0 is): a
     * zero budget would score the initial populations and stop, and --generations alone already
     * is a budget without a time limit.
     */
    static double timeBudget(String text) {
        Duration d = parseDuration("--time", text);
        if (d.isZero()) {
            throw new UserError("--time must be positive, got '" + text + "' (--generations alone is a budget without a time limit)");
        }
        return d.toMillis() / 1000.0;
    }

    /** A duration such as 90s, 10m, 1h, 500ms (a bare number is seconds); negative or unreadable is refused. */
    static Duration parseDuration(String option, String text) {
        Duration d = readDuration(option, text);
        if (d.isNegative()) {
            throw new UserError(option + " must not be negative, got '" + text + "'");
        }
        return d;
    }

    private static Duration readDuration(String option, String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            char unit = t.charAt(t.length() - 1);
            if (unit != 's' && unit != 'm' && unit != 'h') {   // a bare number, one digit too ("5", "0")
                return Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
            }
            double v = Double.parseDouble(t.substring(0, t.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofMillis((long) (v * 1000));
                case 'm' -> Duration.ofMillis((long) (v * 60_000));
                default -> Duration.ofMillis((long) (v * 3_600_000));
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new UserError(option + ": not a duration: '" + text + "' (use e.g. 90s, 10m, 1h)");
        }
    }
}
