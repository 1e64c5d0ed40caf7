package lawsearch.engine.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs python3 for the cross-checks; tests skip, saying why, without python3 + numpy + scipy or ../shared. */
public final class Python {
    private Python() { }

    public static void assumeNumpyAndScipy() {
        boolean ok;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy, scipy.optimize, scipy.stats").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        Assumptions.assumeTrue(ok, "python3 with numpy and scipy is not available: skipping the Python cross-check");
    }

    /** ../shared beside this clone (searched upward from the working directory), or the test is skipped. */
    public static Path shared() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("../shared/data/parallel.csv").normalize();
            if (Files.isRegularFile(c)) {
                return c.getParent().getParent();
            }
        }
        Assumptions.abort("../shared is not beside this clone: skipping the benchmark-data cross-check");
        return null;
    }

    /** Runs a script and parses the last line it prints as JSON. */
    public static JsonNode run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("python3 " + String.join(" ", args) + " failed:\n" + err);
        }
        return new ObjectMapper().readTree(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    public static Path resource(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (var in = Python.class.getResourceAsStream(name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }
}
