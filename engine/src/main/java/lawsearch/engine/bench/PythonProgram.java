package lawsearch.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.Json;
import lawsearch.grammar.core.UserError;

/**
 * Times an SLDBench-style Python program (scaling_law_func + fit_scaling_law) on the same train
 * rows, on the same machine, in the same run as lawsearch's own bench: the only fair comparison
 * on noisy machines.
 */
public final class PythonProgram {
    /** What time_program.py prints, one JSON object. */
    public record Timing(@JsonProperty("seconds_per_fit") double secondsPerFit,
                         @JsonProperty("train_mse") double trainMse,
                         @JsonProperty("fits") long fits) { }

    private PythonProgram() { }

    public static Timing time(Path program, Path data, String target, List<String> features, double minSeconds) {
        if (!Files.isRegularFile(program)) {
            throw new UserError(program + ": no such file");
        }
        Path script = null;
        try (InputStream in = PythonProgram.class.getResourceAsStream("time_program.py")) {
            script = Files.createTempFile("lawsearch-time", ".py");
            Files.write(script, in.readAllBytes());
            List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), program.toString(), data.toString(),
                    target, String.join(",", features), Double.toString(minSeconds)));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                String last = err.strip().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
                throw new UserError(program + ": python run failed: " + last);
            }
            return Json.read(new String(out, StandardCharsets.UTF_8), program + ": python output", Timing.class);
        } catch (IOException e) {
            throw new UserError("cannot run python3 for " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while timing " + program);
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }
}
