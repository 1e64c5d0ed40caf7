package lawsearch.engine.use;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.UserError;
import lawsearch.evaluator.data.TextFiles;

/**
 * What a finished run stores for {@code predict} ({@code intervals.json}), computed once after
 * fit.json so that a prediction refits nothing: the reported law's constants under each bootstrap
 * resample of the train rows, the other front laws the validation folds cannot tell from it with
 * their constants on all train rows, and the held-out errors per group and target. Constants are
 * listed in the order of the law's {@code parameters}; a failed fit is null, as is any non-finite
 * number (JSON has none).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntervalsFile(@JsonProperty("format") int format,
                            @JsonProperty("seed") long seed,
                            @JsonProperty("bootstrap") Resamples bootstrap,
                            @JsonProperty("alternatives") List<Alternative> alternatives,
                            @JsonProperty("errors") Errors errors) {

    public static final int FORMAT = 1;
    public static final String FILE = "intervals.json";

    /**
     * The bootstrap: resamples drawn, how many of their refits are left out for predicting no number
     * or one outside the target's range (null, as a failed fit is; 0 in files written before they
     * were checked), how many clusters
     * (configurations) each group's train rows form (fewer than rows: the sweep repeats
     * configurations, and whole clusters were drawn), and group → target → one constants vector per resample.
     */
    public record Resamples(@JsonProperty("count") int count,
                            @JsonProperty("out_of_range") int outOfRange,
                            @JsonProperty("clusters") Map<String, Integer> clusters,
                            @JsonProperty("constants") Map<String, Map<String, List<List<Double>>>> constants) { }

    /** A front law within two paired standard errors of the reported one, refitted on all train rows. */
    public record Alternative(@JsonProperty("law") String law,
                              @JsonProperty("law_file") String lawFile,
                              @JsonProperty("validation_r2") Double validationR2,
                              @JsonProperty("columns") Map<String, String> columns,
                              @JsonProperty("constants") Map<String, Map<String, List<Double>>> constants) { }

    /** Held-out errors: per target whether relative (truth / prediction − 1), and group → target → errors. */
    public record Errors(@JsonProperty("relative") Map<String, Boolean> relative,
                         @JsonProperty("values") Map<String, Map<String, List<Double>>> values) { }

    /** A fitted law's constants, group → target → vector (null: failed). */
    static Map<String, Map<String, List<Double>>> constants(FittedLaw f) {
        Map<String, Map<String, List<Double>>> out = new LinkedHashMap<>();
        for (String g : f.groups()) {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            for (String t : f.targets()) {
                m.put(t, f.ok(g, t) ? list(f.params(g, t)) : null);
            }
            out.put(g, m);
        }
        return out;
    }

    static List<Double> list(double[] xs) {
        if (xs == null) {
            return null;
        }
        List<Double> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(Double.isFinite(x) ? x : null);
        }
        return out;
    }

    static double[] array(List<Double> xs) {
        return xs == null ? null : xs.stream().mapToDouble(v -> v == null ? Double.NaN : v).toArray();
    }

    static double[] doubles(List<Double> xs) {
        return xs == null ? new double[0] : xs.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
    }

    private IntervalsFile checked(Path f, int parameters) {
        Json.requireFormat(format, FORMAT, f);
        Json.required(bootstrap, f, "bootstrap");
        Json.required(bootstrap.constants(), f, "bootstrap.constants").forEach((g, byTarget) ->
                Json.required(byTarget, f, "bootstrap.constants." + g).forEach((t, vectors) -> {
                    for (List<Double> v : Json.required(vectors, f, "bootstrap.constants." + g + "." + t)) {
                        if (v != null && v.size() != parameters) {   // null: a resample whose fit failed
                            throw new UserError(f + ": \"bootstrap.constants." + g + "." + t + "\" holds a vector of " + v.size()
                                    + " constants; the law has " + parameters);
                        }
                    }
                }));
        Json.required(errors, f, "errors");
        Json.required(errors.relative(), f, "errors.relative");
        Json.required(errors.values(), f, "errors.values");
        for (int i = 0; i < Json.required(alternatives, f, "alternatives").size(); i++) {
            Alternative a = Json.required(alternatives.get(i), f, "alternatives[" + i + "]");
            Json.required(a.lawFile(), f, "alternatives[" + i + "].law_file");
            Json.required(a.columns(), f, "alternatives[" + i + "].columns");
            Json.required(a.constants(), f, "alternatives[" + i + "].constants");
        }
        return this;
    }

    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), Json.write(this) + "\n");
    }

    /**
     * Reads {@code runDir/intervals.json} for the reported law with {@code parameters}; missing or
     * unreadable, or valid JSON without what {@link #write} writes (a field, a bootstrap vector of
     * the law's length), is a user error naming it and the field.
     */
    public static IntervalsFile read(Path runDir, List<String> parameters) {
        Path f = runDir.resolve(FILE);
        try {
            return Json.read(TextFiles.read(f), f.toString(), IntervalsFile.class).checked(f, parameters.size());
        } catch (NoSuchFileException e) {
            throw new UserError(f + ": not found (the run is unfinished, chose no law, or was made by a lawsearch without predict)");
        } catch (IOException e) {
            throw new UserError(f + ": unreadable: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
