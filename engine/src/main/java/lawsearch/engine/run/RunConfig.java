package lawsearch.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;
import lawsearch.engine.task.GrammarSpec;
import lawsearch.engine.search.OptionsJson;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.search.SearchOptions;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.parser.LawFile;

/**
 * What a run was started with, written as {@code config.json} when the run starts: enough to
 * continue it (resume) and to tell entries apart.
 *
 * <p>{@code data} is the source as the user named it (task, absolute CSV path, targets, features,
 * hold-out rule, demo data seed), for the record: the rows themselves are read from the run's own
 * {@link DataSnapshot} ({@code data.csv}), whose SHA-256 is {@code dataSha256}; {@code features}/{@code targets} are the dataset's resolved
 * columns in CSV order, as an exported program receives them. Budget: {@code generations} and/or
 * {@code timeSeconds}, null when not set. {@code grammar}: the task's changes to the search grammar
 * (null: none), recorded so a resumed run searches the same space even if task.json changed.
 * {@code search}: every search setting ({@link SearchOptions}), so a resumed run searches as the
 * run began; a config.json written before it existed reads as the defaults, which that run used.
 * {@code scale}: the scale variables the folds extrapolate along, and {@code scaleFrom} where they
 * came from ({@value #SCALE_DETECTED}: found in the train rows when the run started, {@code task}
 * or {@code --scale}); null in a config.json written before detection, whose run detects them again.
 * {@code shape}: the reported law's required shape as {@code --shape} or the task states it
 * ({@link ShapeSpec}; null: as the train rows show). {@code laws}: the user's own seed laws
 * ({@code --law}, {@code --law-file}) as law-file text, so a resumed run starts from them as the
 * run did (empty in a config.json written before them). Built with {@link #builder()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunConfig(@JsonProperty("format") int format,
                        @JsonProperty("version") String version,
                        @JsonProperty("task") String task,
                        @JsonProperty("entry") String entry,
                        @JsonProperty("index") int index,
                        @JsonProperty("seed") long seed,
                        @JsonProperty("data") Source data,
                        @JsonProperty("data_sha256") String dataSha256,
                        @JsonProperty("features") List<String> features,
                        @JsonProperty("targets") List<String> targets,
                        @JsonProperty("aliases") Map<String, String> aliases,
                        @JsonProperty("max_params") Integer maxParams,
                        @JsonProperty("scale") List<String> scale,
                        @JsonProperty("scale_from") String scaleFrom,
                        @JsonProperty("shape") String shape,
                        @JsonProperty("grammar") GrammarSpec grammar,
                        @JsonProperty("use_seeds") boolean useSeeds,
                        @JsonProperty("generations") Long generations,
                        @JsonProperty("time_seconds") Double timeSeconds,
                        @JsonProperty("threads") int threads,
                        @JsonProperty("laws") List<String> laws,
                        @JsonProperty("search") SearchOptions search) {

    public static final int FORMAT = 1;
    public static final String FILE = "config.json";
    public static final String SCALE_DETECTED = "detected";

    public RunConfig {
        search = search == null ? SearchOptions.DEFAULTS : search;
        laws = laws == null ? List.of() : List.copyOf(laws);
    }

    /**
     * The user's own laws ({@code --law}, {@code --law-file}), parsed from their recorded law-file
     * text: seed laws of this run, whatever becomes of the files they came from.
     */
    public List<Law> ownLaws(Set<String> variables) {
        return laws.stream().map(t -> LawFile.parse(t, FILE + ": \"laws\"", variables).law()).toList();
    }

    /** A law as recorded in {@code laws}: its law-file text (law, bounds, fit settings). */
    public static String lawText(Law law) {
        return LawFileWriter.write(new LawFile("", law, ""));
    }

    /**
     * The data as the user named it: {@code task} (a name in seeds/, or null), {@code file} (an
     * absolute CSV path, null for generated data), explicit targets/features/holdout (null when the
     * task's were used) and the demo data seed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(@JsonProperty("task") String task,
                         @JsonProperty("file") String file,
                         @JsonProperty("targets") List<String> targets,
                         @JsonProperty("features") List<String> features,
                         @JsonProperty("holdout") String holdout,
                         @JsonProperty("data_seed") long dataSeed) { }

    /**
     * The search this run was started with: its seed, budget and options (fresh runs and resumes
     * both build it from here, so they cannot disagree). Threads do not change results.
     */
    public SearchConfig searchConfig(int threads) {
        return SearchConfig.builder().seed(seed).threads(threads)
                .generations(generations == null ? 0 : generations)
                .time(timeSeconds == null ? null : Duration.ofMillis(Math.round(timeSeconds * 1000)))
                .options(search)
                .build();
    }

    /**
     * What {@link Discovery#run} searches with: this run's seed laws (loaded by the caller, who
     * knows where they are), templates when seeds are used, its cap, scale and grammar changes.
     */
    public Discovery.Settings settings(List<Law> seeds, SearchConfig searchConfig) {
        Discovery.Settings.Builder b = Discovery.Settings.builder(searchConfig).seeds(seeds).templates(useSeeds);
        if (maxParams != null) {
            b.maxParams(maxParams);
        }
        if (scale != null) {
            b.scale(scale);
        }
        if (grammar != null) {
            b.grammar(grammar);
        }
        return b.shape(shapeSpec()).build();
    }

    /** The recorded shape, parsed (it was checked when the run started). */
    public ShapeSpec shapeSpec() {
        return shape == null ? ShapeSpec.AUTO : ShapeSpec.parse(shape);
    }

    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), Json.write(this) + "\n");
    }

    /**
     * Reads {@code runDir/config.json}; a missing or unreadable file is a user error naming it.
     * The search options merge over the defaults ({@link OptionsJson}): an option added after the
     * run was written reads as its default.
     */
    public static RunConfig read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) {
            throw new UserError(f + ": not found (is " + runDir + " a run directory?)");
        }
        try {
            if (!(Json.tree(f) instanceof ObjectNode tree)) {
                throw new UserError(f + ": unreadable: not a JSON object");
            }
            JsonNode search = tree.remove("search");
            return Json.read(tree, f.toString(), RunConfig.class).checked(f).toBuilder().search(OptionsJson.merge(search, false)).build();
        } catch (IllegalArgumentException e) {
            throw new UserError(f + ": \"search\": " + e.getMessage());
        }
    }

    /** What every reader of a run takes for granted, present since the first format: else a user error naming the field. */
    private RunConfig checked(Path f) {
        Json.requireFormat(format, FORMAT, f);
        Json.required(task, f, "task");
        Json.required(entry, f, "entry");
        Json.required(data, f, "data");
        Json.required(features, f, "features");
        Json.required(targets, f, "targets");
        if (targets.isEmpty()) {
            throw new UserError(f + ": \"targets\" is empty");
        }
        return this;
    }

    public static Builder builder() { return new Builder(); }

    public Builder toBuilder() {
        return new Builder().format(format).version(version).task(task).entry(entry).index(index).seed(seed)
                .data(data).dataSha256(dataSha256).features(features).targets(targets).aliases(aliases).maxParams(maxParams).scale(scale).scaleFrom(scaleFrom).shape(shape)
                .grammar(grammar).useSeeds(useSeeds).generations(generations).timeSeconds(timeSeconds)
                .threads(threads).search(search).laws(laws);
    }

    /** Starts at the current format, default search options and seed laws on; every other field unset. */
    public static final class Builder {
        private int format = FORMAT;
        private String version;
        private String task;
        private String entry;
        private int index;
        private long seed;
        private Source data;
        private String dataSha256;
        private List<String> features;
        private List<String> targets;
        private Map<String, String> aliases;
        private Integer maxParams;
        private List<String> scale;
        private String scaleFrom;
        private String shape;
        private GrammarSpec grammar;
        private boolean useSeeds = true;
        private Long generations;
        private Double timeSeconds;
        private int threads = 1;
        private SearchOptions search = SearchOptions.DEFAULTS;
        private List<String> laws = List.of();

        private Builder() { }

        public Builder format(int f) { format = f; return this; }

        public Builder version(String v) { version = v; return this; }

        public Builder task(String t) { task = t; return this; }

        /** The leaderboard entry (discover's --name). */
        public Builder entry(String e) { entry = e; return this; }

        /** The run's place among those started together (run-<index>). */
        public Builder index(int i) { index = i; return this; }

        public Builder seed(long s) { seed = s; return this; }

        public Builder data(Source d) { data = d; return this; }

        /** The SHA-256 of the run's data snapshot ({@link DataSnapshot}). */
        public Builder dataSha256(String h) { dataSha256 = h; return this; }

        public Builder features(List<String> f) { features = f; return this; }

        public Builder targets(List<String> t) { targets = t; return this; }

        public Builder aliases(Map<String, String> a) { aliases = a; return this; }

        /** The cap over all targets (null: none). */
        public Builder maxParams(Integer k) { maxParams = k; return this; }

        /** The scale variables (null: detected when the run starts). */
        public Builder scale(List<String> s) { scale = s; return this; }

        /** Where the scale variables came from: {@value RunConfig#SCALE_DETECTED}, {@code task} or {@code --scale}. */
        public Builder scaleFrom(String s) { scaleFrom = s; return this; }

        /** The required shape's text ({@link ShapeSpec}; null: as the rows show). */
        public Builder shape(String s) { shape = s; return this; }

        /** The task's grammar changes (null: none). */
        public Builder grammar(GrammarSpec g) { grammar = g; return this; }

        public Builder useSeeds(boolean u) { useSeeds = u; return this; }

        public Builder generations(Long g) { generations = g; return this; }

        public Builder timeSeconds(Double t) { timeSeconds = t; return this; }

        public Builder threads(int n) { threads = n; return this; }

        public Builder search(SearchOptions s) { search = s; return this; }

        /** The user's own seed laws as law-file text ({@link RunConfig#lawText}). */
        public Builder laws(List<String> l) { laws = l; return this; }

        public RunConfig build() {
            return new RunConfig(format, version, task, entry, index, seed, data, dataSha256, features, targets, aliases, maxParams,
                    scale, scaleFrom, shape, grammar, useSeeds, generations, timeSeconds, threads, laws, search);
        }
    }
}
