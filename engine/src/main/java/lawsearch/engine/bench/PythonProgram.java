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

    /**
     * Refuses, in one line naming it, a program that cannot be timed: missing, not a readable file,
     * not Python that parses, or without fit_scaling_law and scaling_law_func. Cheap (the program
     * is parsed, not run), so bench calls it before its own warm-up rather than after minutes of it.
     */
    public static void check(Path program) {
        if (!Files.exists(program)) {
            throw new UserError(program + ": no such file");
        }
        if (!Files.isRegularFile(program)) {
            throw new UserError(program + ": not a file");
        }
        if (!Files.isReadable(program)) {
            throw new UserError(program + ": permission denied");
        }
        Result r = python("check_program.py", List.of(program.toString()), program);
        if (r.exit() != 0) {
            String why = r.lastErrorLine();
            throw new UserError(program + (!why.isEmpty() && Character.isDigit(why.charAt(0)) ? ":" : ": ") + why);
        }
    }

    /**
     * Times {@code program}'s fit_scaling_law on the train rows of {@code data}, at least {@code
     * minSeconds} after a warm-up; {@link #check} it first.
     */
    public static Timing time(Path program, Path data, String target, List<String> features, double minSeconds) {
        Result r = python("time_program.py", List.of(program.toString(), data.toString(), target, String.join(",", features),
                Double.toString(minSeconds)), program);
        if (r.exit() != 0) {
            throw new UserError(program + ": python run failed: " + r.lastErrorLine());
        }
        return Json.read(r.out(), program + ": python output", Timing.class);
    }

    /** What a python3 run gave: exit code, standard output, the last line of standard error. */
    private record Result(int exit, String out, String err) {
        String lastErrorLine() {
            return err.strip().lines().reduce((a, b) -> b).orElse("exit " + exit);
        }
    }

    /** Runs the bundled {@code script} (a resource beside this class) with python3; errors name {@code program}. */
    private static Result python(String script, List<String> args, Path program) {
        Path copy = null;
        try (InputStream in = PythonProgram.class.getResourceAsStream(script)) {
            copy = Files.createTempFile("lawsearch-" + script.replace(".py", ""), ".py");
            Files.write(copy, in.readAllBytes());
            List<String> cmd = new ArrayList<>(List.of("python3", copy.toString()));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(-1, "", "python3 did not finish within 10 minutes");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
        } catch (IOException e) {
            throw new UserError("cannot run python3 for " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running python3 on " + program);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }
}
