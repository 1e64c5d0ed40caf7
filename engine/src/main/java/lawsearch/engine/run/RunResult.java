package lawsearch.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;
import lawsearch.grammar.core.UserError;
import lawsearch.evaluator.data.TextFiles;

/**
 * What a run ended with ({@code result.json}, written only for a finished run): where and with
 * which seed, its state, the reported law with its scores and constants (null when no law fitted;
 * test scores null without test rows), how much was searched, and the better-validating law it
 * passed over for its shape ({@link PassedOver}; absent when there is none). The fitted law as data, for
 * prediction and reports, is {@link FitFile}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunResult(@JsonProperty("run_dir") String runDir,
                        @JsonProperty("seed") long seed,
                        @JsonProperty("state") String state,
                        @JsonProperty("law") String law,
                        @JsonProperty("bounds") String bounds,
                        @JsonProperty("n_params") Integer nParams,
                        @JsonProperty("validation_r2") Double validationR2,
                        @JsonProperty("r2") Double r2,
                        @JsonProperty("nmse") Double nmse,
                        @JsonProperty("nmae") Double nmae,
                        @JsonProperty("train_mse") Double trainMse,
                        @JsonProperty("constants") Map<String, Object> constants,
                        @JsonProperty("generations") int generations,
                        @JsonProperty("evaluations") int evaluations,
                        @JsonProperty("scale_variables") List<String> scaleVariables,
                        @JsonProperty("shape") ShapeChecks shape,
                        @JsonProperty("seconds") double seconds,
                        @JsonInclude(JsonInclude.Include.NON_NULL)
                        @JsonProperty("passed_over") PassedOver passedOver) {

    public static final String FILE = "result.json";

    public boolean finished() { return RunState.FINISHED.equals(state); }

    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), Json.write(this) + "\n");
    }

    /** {@code runDir/result.json}, or empty when there is none (an unfinished run); unreadable is a user error naming it. */
    public static Optional<RunResult> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(TextFiles.read(f), f.toString(), RunResult.class));
        } catch (IOException e) {
            throw new UserError(f + ": unreadable: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
