package lawsearch.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

import lawsearch.engine.task.LawChecks;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.parser.BoundsParser;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.parser.LawParser;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import lawsearch.evaluator.data.TextFiles;

/** The law to fit: --law "EXPR" [--bounds "..."] or --law-file F.law. */
public final class LawOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--bounds", paramLabel = "BOUNDS", description = "Parameter bounds, e.g. \"alpha in [0.01, 1]; A >= 0\".")
    String bounds;

    static final class Source {
        @Option(names = "--law", paramLabel = "EXPR", required = true, description = "The law, e.g. \"E + A*N^(-alpha)\".")
        String law;

        @Option(names = "--law-file", paramLabel = "FILE", required = true, description = "A .law file (EVOLVE-BLOCK format).")
        Path lawFile;
    }

    /**
     * The law, its identifiers resolved against the variables of {@code names} (features and
     * aliases) and checked against the names it cannot read ({@link LawChecks}).
     */
    Law load(LawChecks.Names names) {
        Set<String> variables = names.variables();
        Law law = source.lawFile != null ? fromFile(source.lawFile, variables) : fromText(source.law, variables);
        if (bounds != null) {
            Bounds extra = BoundsParser.parse(bounds);
            for (String p : extra.byParam().keySet()) {
                if (!law.parameters().contains(p)) {
                    throw new UserError("--bounds: '" + p + "' is not a parameter of the law (parameters: "
                            + String.join(", ", law.parameters()) + ")");
                }
            }
            Bounds merged = law.bounds();
            for (var e : extra.byParam().entrySet()) {
                merged = merged.with(e.getKey(), e.getValue());
            }
            law = law.withBounds(merged);
        }
        LawChecks.check(law, names, source.lawFile != null ? source.lawFile.toString() : "--law");
        return law;
    }

    /** The law as given on the command line ({@code --law}), its identifiers resolved against {@code variables}. */
    static Law fromText(String text, Set<String> variables) {
        return Law.of(LawParser.parse(text, variables, "--law"));
    }

    /** The law of a .law file, its identifiers resolved against {@code variables}. */
    static Law fromFile(Path file, Set<String> variables) {
        return LawFile.parse(read(file), file.toString(), variables).law();
    }

    private static String read(Path p) {
        try {
            return TextFiles.read(p);
        } catch (NoSuchFileException e) {
            throw new UserError(p + ": no such file");
        } catch (IOException e) {
            throw new UserError(p + ": cannot read: " + e.getMessage());
        }
    }
}
