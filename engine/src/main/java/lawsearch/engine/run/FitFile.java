package lawsearch.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.evaluator.protocol.AtBound;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawFile;
import lawsearch.evaluator.data.TextFiles;

/**
 * A run's reported law as data ({@code fit.json}): the law (its text, bounds, fit settings, the
 * names of its constants, and the EVOLVE-BLOCK it parses back from), its constants per group and
 * target as fitted on all train rows, its train / validation / test scores, the run's scale
 * variables, each feature's range over the train rows, which soundness checks it passed, and which
 * constants sit on an end of their bounds ({@link AtBound}; files written before it have none). Reports, exports and predictions read
 * the fitted law from here: nothing refits it. Numbers are written so they read back to the same
 * double; JSON has no NaN or infinity, so those are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FitFile(@JsonProperty("format") int format,
                      @JsonProperty("law") String law,
                      @JsonProperty("bounds") String bounds,
                      @JsonProperty("loss") String loss,
                      @JsonProperty("weight") String weight,
                      @JsonProperty("starts") int starts,
                      @JsonProperty("parameters") List<String> parameters,
                      @JsonProperty("law_file") String lawFile,
                      @JsonProperty("columns") Map<String, String> columns,
                      @JsonProperty("constants") Map<String, Map<String, Constants>> constants,
                      @JsonProperty("scores") ScoreSet scores,
                      @JsonProperty("scale_variables") List<String> scaleVariables,
                      @JsonProperty("feature_ranges") Map<String, Range> featureRanges,
                      @JsonProperty("shape") ShapeChecks shape,
                      @JsonProperty("at_bound") List<AtBound> atBound) {

    public static final int FORMAT = 1;
    public static final String FILE = "fit.json";

    /** One group's and target's constants by name (null: the fit failed), its objective and train MSE. */
    public record Constants(@JsonProperty("values") Map<String, Double> values,
                            @JsonProperty("objective") Double objective,
                            @JsonProperty("train_mse") Double trainMse) { }

    /** The reported law's scores: train MSE, validation R² (the search's folds), test R², NMSE, NMAE (null without test rows). */
    public record ScoreSet(@JsonProperty("train_mse") Double trainMse,
                           @JsonProperty("validation_r2") Double validationR2,
                           @JsonProperty("r2") Double r2,
                           @JsonProperty("nmse") Double nmse,
                           @JsonProperty("nmae") Double nmae) { }

    /** A feature's smallest and largest value over every group's train rows. */
    public record Range(@JsonProperty("min") double min, @JsonProperty("max") double max) { }

    public static FitFile of(Evaluation ev, double validationR2, List<String> scaleVariables, Dataset data, ShapeChecks shape) {
        Law law = ev.law();
        FittedLaw f = ev.fitted();
        Map<String, Map<String, Constants>> constants = new LinkedHashMap<>();
        for (String g : f.groups()) {
            Map<String, Constants> m = new LinkedHashMap<>();
            for (String t : f.targets()) {
                m.put(t, constants(law.parameters(), f.stored(g, t)));
            }
            constants.put(g, m);
        }
        var test = ev.test();
        ScoreSet scores = new ScoreSet(finite(ev.trainMse()), finite(validationR2), test == null ? null : finite(test.r2()),
                test == null ? null : finite(test.nmse()), test == null ? null : finite(test.nmae()));
        return new FitFile(FORMAT, Printer.printWhere(law.expr()), Printer.printBounds(law.bounds()),
                LawFileWriter.loss(law.fit().loss()), LawFileWriter.weight(law.fit().weighting()), law.fit().starts(),
                law.parameters(), LawFileWriter.write(new LawFile("", law, "")), f.columns(), constants, scores,
                List.copyOf(scaleVariables), ranges(data), shape, AtBound.of(f));
    }

    private static Constants constants(List<String> names, FittedLaw.Stored r) {
        Map<String, Double> values = null;
        if (r.params() != null) {
            values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), finite(r.params()[i]));
            }
        }
        return new Constants(values, finite(r.objective()), finite(r.trainMse()));
    }

    /** The fitted law this file holds; {@code variables} are the names a law may use (the dataset's). */
    public FittedLaw fitted(Set<String> variables) {
        Law l = LawFile.parse(lawFile, FILE, variables).law();
        if (!l.parameters().equals(parameters)) {
            throw new UserError(FILE + ": \"parameters\" " + parameters + " are not the law's " + l.parameters());
        }
        Map<String, Map<String, FittedLaw.Stored>> stored = new LinkedHashMap<>();
        constants.forEach((g, byTarget) -> {
            Map<String, FittedLaw.Stored> m = new LinkedHashMap<>();
            byTarget.forEach((t, c) -> m.put(t, stored(l.parameters(), c)));
            stored.put(g, m);
        });
        return FittedLaw.restore(l, columns, stored);
    }

    private static FittedLaw.Stored stored(List<String> names, Constants c) {
        double[] params = null;
        if (c.values() != null) {
            params = names.stream().mapToDouble(n -> orNaN(c.values().get(n))).toArray();
        }
        return new FittedLaw.Stored(params, c.objective() == null ? Double.POSITIVE_INFINITY : c.objective(),
                c.trainMse() == null ? Double.POSITIVE_INFINITY : c.trainMse());
    }

    private static Map<String, Range> ranges(Dataset data) {
        Map<String, Range> out = new LinkedHashMap<>();
        for (String c : data.features()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Group g : data.groups()) {
                double[] x = g.train().column(c);
                lo = Math.min(lo, Arrays.stream(x).min().orElse(lo));
                hi = Math.max(hi, Arrays.stream(x).max().orElse(hi));
            }
            out.put(c, new Range(lo, hi));
        }
        return out;
    }

    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), Json.write(this) + "\n");
    }

    /**
     * Reads {@code runDir/fit.json}; missing or unreadable, or valid JSON without what {@link #of}
     * writes (a field, a group's constants, a number), is a user error naming it and the field.
     */
    public static FitFile read(Path runDir) {
        Path f = runDir.resolve(FILE);
        try {
            return Json.read(TextFiles.read(f), f.toString(), FitFile.class).checked(f);
        } catch (NoSuchFileException e) {
            throw new UserError(f + ": not found (the run has no fitted law: it chose none, is unfinished, or was made by an older lawsearch)");
        } catch (IOException e) {
            throw new UserError(f + ": unreadable: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private FitFile checked(Path f) {
        Json.requireFormat(format, FORMAT, f);
        Json.required(lawFile, f, "law_file");
        Json.required(parameters, f, "parameters");
        Json.required(columns, f, "columns");
        Json.required(constants, f, "constants");
        Json.required(scores, f, "scores");
        Json.required(featureRanges, f, "feature_ranges");
        constants.forEach((g, byTarget) -> {
            Json.required(byTarget, f, "constants." + g);
            byTarget.forEach((t, c) -> {
                String at = "constants." + g + "." + t;
                Json.required(c, f, at);
                if (c.values() == null) {   // a failed fit: written with neither constants nor objective
                    if (c.objective() != null) {
                        throw new UserError(f + ": \"" + at + ".values\" is null (a failed fit) but its objective is " + c.objective());
                    }
                    return;
                }
                for (String p : parameters) {
                    Double v = Json.required(c.values().get(p), f, at + ".values." + p);
                    if (!Double.isFinite(v)) {
                        throw new UserError(f + ": \"" + at + ".values." + p + "\" is " + v + ", not a finite number");
                    }
                }
            });
        });
        return this;
    }

    /**
     * Refuses a fit.json that leaves out a group or target of the run's data, or maps a law variable to a
     * column that is no feature of it: every reader
     * (predict, optimize, suggest, plots) may ask for any of them.
     */
    public void requireCovers(List<String> groups, List<String> targets, List<String> features, Path runDir) {
        if (columns != null) {
            columns.forEach((v, c) -> {
                if (!features.contains(c)) {   // else a plot, predict or optimize fails later, blaming its own input
                    throw new UserError(runDir.resolve(FILE) + ": \"columns\" maps " + v + " to '" + c
                            + "', which is no feature of the run's data (features: " + String.join(", ", features) + ")");
                }
            });
        }
        for (String g : groups) {
            for (String t : targets) {
                if (!constants.containsKey(g) || !constants.get(g).containsKey(t)) {
                    throw new UserError(runDir.resolve(FILE) + ": missing \"constants." + g + "." + t
                            + "\" (the run's data has group '" + g + "' and target '" + t + "')");
                }
            }
        }
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    private static double orNaN(Double v) { return v == null ? Double.NaN : v; }
}
