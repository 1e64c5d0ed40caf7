package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM while runs are in progress: the first asks the search to stop at the
 * end of the generation in flight, checkpoint and write what it has (the command then exits
 * 130 or 143); a second one exits at once, which loses nothing already written (every file is
 * written atomically, the last checkpoint stays). The first says so on stderr at once: after it the
 * run still scores its front on all rows, weighs the templates and writes its files, which took
 * 24 s on lr_bsz and a minute on a 19 200-row sweep, in silence. (Weighing the templates only as
 * the search had scored them ended lr_bsz 10 s after the signal, with a law validating at 0.80
 * instead of 0.88: whoever stops a night's run wants its best law, so the work stays.) Where
 * signals cannot be caught, a shutdown hook does the first part. Closing restores the previous
 * handlers.
 */
final class Interrupts implements AutoCloseable {
    final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger code = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Runnable> restore = new ArrayList<>();
    private final Thread hook;
    private final PrintWriter err;

    Interrupts(PrintWriter err) {
        this.err = err;
        catchSignal("INT", "Ctrl-C", 130);
        catchSignal("TERM", "SIGTERM", 143);
        hook = new Thread(() -> {
            stop.set(true);   // a signal we could not catch (or SIGHUP): still finish the generation and write
            code.compareAndSet(0, 143);
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The exit code for an interrupted command (130 SIGINT, 143 SIGTERM), or {@code otherwise}. */
    int exitCode(int otherwise) {
        return stop.get() ? (code.get() == 0 ? 130 : code.get()) : otherwise;
    }

    /** What the first signal prints: what happens next, and how to quit at once. */
    static String stopping(String what) {
        return "lawsearch: " + what + ": stopping after the generation in flight; the final fits and the run's files"
                + " follow (" + what + " again quits at once, keeping the last checkpoint)";
    }

    private void catchSignal(String name, String what, int exit) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, s -> {
                if (!stop.compareAndSet(false, true)) {
                    Runtime.getRuntime().halt(exit);   // the second signal: the user insists (our hook would wait)
                }
                code.set(exit);
                err.println((System.console() != null ? "\n" : "") + stopping(what));   // a terminal's progress bar holds the line
                err.flush();
            });
            restore.add(() -> Signal.handle(signal, previous));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // this platform or JVM will not let us catch it: the shutdown hook still stops the run
        }
    }

    @Override
    public void close() {
        finished.countDown();
        restore.forEach(Runnable::run);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook is running and waits for us
        }
    }
}
