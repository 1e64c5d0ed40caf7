package lawsearch.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process for tests of other packages: exit code and both streams. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
