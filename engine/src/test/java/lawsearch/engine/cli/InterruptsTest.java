package lawsearch.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import sun.misc.Signal;

class InterruptsTest {

    @Test
    void theFirstSignalStopsTheRunAndSaysWhatFollows() throws InterruptedException {
        StringWriter text = new StringWriter();
        try (Interrupts interrupts = new Interrupts(new PrintWriter(text, true))) {
            assertEquals(0, interrupts.exitCode(0));
            Signal.raise(new Signal("TERM"));   // handled by ours while it is open: this JVM lives on
            for (int i = 0; i < 200 && text.toString().isEmpty(); i++) {
                Thread.sleep(10);   // signals are handled on their own thread
            }
            assertTrue(interrupts.stop.get());
            assertEquals(143, interrupts.exitCode(0));
        }
        assertEquals(Interrupts.stopping("SIGTERM"), text.toString().strip());
        assertTrue(text.toString().contains("SIGTERM again quits at once, keeping the last checkpoint"), text.toString());
    }
}
