package lawsearch.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;

/**
 * A run's {@code state.json}: running / interrupted / finished, the host and process that run it, and the
 * generation and best validation R² of its last checkpoint. Written when the run starts, at each
 * checkpoint and when it ends. A run killed outright (kill -9, OOM, reboot) still says running;
 * {@link #effectiveState()} tells it by its process being gone.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunState(@JsonProperty("state") String state,
                       @JsonProperty("host") String host,
                       @JsonProperty("pid") long pid,
                       @JsonProperty("process_start") String processStart,
                       @JsonProperty("generation") long generation,
                       @JsonProperty("best_validation_r2") Double bestValidationR2,
                       @JsonProperty("updated") String updated) {

    public static final String FILE = "state.json";
    public static final String RUNNING = "running";
    public static final String INTERRUPTED = "interrupted";
    public static final String FINISHED = "finished";

    /** This process's view of a run at {@code generation}. */
    public static RunState of(String state, long generation, double bestValidationR2) {
        ProcessHandle self = ProcessHandle.current();
        return new RunState(state, HOST, self.pid(), start(self), generation, RunFiles.finite(bestValidationR2),
                Instant.now().toString());
    }

    public void write(Path runDir) {
        AtomicFiles.write(runDir.resolve(FILE), Json.write(this) + "\n");
    }

    /** The run's state.json, or empty when it has none or it cannot be read (an older run). */
    public static Optional<RunState> read(Path runDir) {
        return Json.readIfPresent(runDir.resolve(FILE), RunState.class);
    }

    /**
     * "running" only while the process that wrote it is alive; a run whose process died was
     * interrupted. A run on another host (a shared file system) cannot be checked from here and
     * keeps its written state.
     */
    public String effectiveState() {
        return RUNNING.equals(state) && (host == null || HOST.equals(host)) && !alive() ? INTERRUPTED : state;
    }

    /** Whether the writing process still runs (same pid and same start time, so a reused pid does not count). */
    private boolean alive() {
        return ProcessHandle.of(pid).filter(p -> p.isAlive() && String.valueOf(start(p)).equals(String.valueOf(processStart)))
                .isPresent();
    }

    /** This machine's name: the HOSTNAME variable, else /etc/hostname (no DNS look-up, which can hang). */
    static final String HOST = hostName();

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                h = "";
            }
        }
        return h.isBlank() ? "localhost" : h;
    }

    private static String start(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse(null);
    }
}
