package lawsearch.engine.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;
import lawsearch.engine.task.GrammarSpec;
import lawsearch.engine.search.SearchConfig;
import lawsearch.grammar.core.UserError;

/**
 * What a run was started with, written as {@code config.json} when the run starts: enough to load
 * the same data again (resume, leaderboard plots, exports) and to tell entries apart.
 *
 * <p>{@code data} is the source as the user named it (task, absolute CSV path, targets, features,
 * hold-out rule, demo data seed), for the record: the rows themselves are read from the run's own
 * {@link DataSnapshot} ({@code data.csv}), whose SHA-256 is {@code dataSha256}; {@code features}/{@code targets} are the dataset's resolved
 * columns in CSV order, as an exported program receives them. Budget: {@code generations} and/or
 * {@code timeSeconds}, null when not set. {@code grammar}: the task's changes to the search grammar
 * (null: none), recorded so a resumed run searches the same space even if task.json changed.
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
                        @JsonProperty("grammar") GrammarSpec grammar,
                        @JsonProperty("use_seeds") boolean useSeeds,
                        @JsonProperty("generations") Long generations,
                        @JsonProperty("time_seconds") Double timeSeconds,
                        @JsonProperty("threads") int threads) {

    public static final int FORMAT = 1;
    public static final String FILE = "config.json";

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
     * The search this run was started with: its seed and budget (fresh runs and resumes both build
     * it from here, so they cannot disagree). Threads do not change results.
     */
    public SearchConfig searchConfig(int threads) {
        return SearchConfig.builder().seed(seed).threads(threads)
                .generations(generations == null ? 0 : generations)
                .time(timeSeconds == null ? null : Duration.ofMillis(Math.round(timeSeconds * 1000)))
                .build();
    }

    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), Json.write(this) + "\n");
    }

    /** Reads {@code runDir/config.json}; a missing or unreadable file is a user error naming it. */
    public static RunConfig read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) {
            throw new UserError(f + ": not found (is " + runDir + " a run directory?)");
        }
        return Json.read(f, RunConfig.class);
    }
}
