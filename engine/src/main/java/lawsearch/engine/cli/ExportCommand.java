package lawsearch.engine.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import lawsearch.engine.export.HarborExport;
import lawsearch.engine.export.SldbenchExport;
import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.report.FittedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Hands a run's law to other tools: an SLDBench program or a Harbor law module. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's law as an SLDBench program (fits itself) or a Harbor law module (constants embedded).")
public final class ExportCommand implements Callable<Integer> {
    enum Format { sldbench, harbor }

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR", description = RunUse.RUN_HELP)
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "sldbench or harbor.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here (default: standard output).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        FittedRun fitted = FittedRun.of(RunUse.run(run, spec));
        String text = switch (format) {
            case sldbench -> SldbenchExport.of(fitted);
            case harbor -> HarborExport.of(fitted);
        };
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(out, text);
        }
        return 0;
    }
}
