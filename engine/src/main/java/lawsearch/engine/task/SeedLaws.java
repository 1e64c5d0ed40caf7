package lawsearch.engine.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.grammar.core.Binary;
import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.parser.BoundsParser;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.parser.LawParser;
import lawsearch.grammar.simplify.Canonical;
import lawsearch.evaluator.data.TextFiles;

/**
 * The seed laws of a task: every {@code *.law} file of {@code seeds/<task>/}, in file-name order.
 *
 * <p>A seed law is valid for a task when it parses against the task's variables (features and
 * their aliases), reads at least one of them, passes {@link LawChecks} (no column it cannot read, a
 * target say, and no misspelt column named as a fitted constant), and stays within the task's cap: constants per target times targets at most
 * {@code max_params} (one form is fitted per target, each with its own constants).
 *
 * <p>Generic laws ({@code seeds/_generic/}) belong to no task. Such a file declares the variables
 * it needs in a header line {@code # variables: X, Y}; {@link #generic} offers it to a task only
 * when the task has every one of them (as a column or alias) and the law is valid there. Nothing
 * loads generic laws into a task implicitly.
 */
public final class SeedLaws {
    /** The folder of generic laws, beside the task folders. */
    public static final String GENERIC = "_generic";
    private static final Pattern DECLARED = Pattern.compile("(?m)^#\\s*variables:\\s*(.*?)\\s*$");

    private SeedLaws() { }

    /** {@link #load(TaskSpec, Path, LawChecks.Names)} with the task's own names. */
    public static List<SeedLaw> load(TaskSpec spec, Path dir) { return load(spec, dir, LawChecks.Names.of(spec)); }

    /**
     * Every .law file of {@code dir} by file name, parsed with the variables of {@code names} as
     * the data columns. A file that does not parse is a UserError at its line and column; a file that parses
     * but is not valid for the task (see the class comment) is a UserError naming the file.
     */
    public static List<SeedLaw> load(TaskSpec spec, Path dir, LawChecks.Names names) {
        List<SeedLaw> out = new ArrayList<>();
        for (Path f : files(dir)) {
            LawFile lf = LawFile.parse(read(f), f.toString(), names.variables());
            List<String> problems = problems(spec, lf.law(), names);
            if (!problems.isEmpty()) {
                throw new UserError(f + ": " + problems.get(0) + " (lawsearch seeds check --task " + spec.name() + " lists every problem)");
            }
            out.add(new SeedLaw(f, lf));
        }
        return out;
    }

    /** {@link #check(TaskSpec, Path, LawChecks.Names)} with the task's own names. */
    public static List<String> check(TaskSpec spec, Path dir) { return check(spec, dir, LawChecks.Names.of(spec)); }

    /**
     * One line per problem, each starting with the file (and line and column for syntax errors):
     * parse errors, the problems of {@link #problems}, and a law seeded twice. Empty: all valid.
     */
    public static List<String> check(TaskSpec spec, Path dir, LawChecks.Names names) {
        List<String> out = new ArrayList<>();
        Map<Long, Path> seen = new HashMap<>();
        for (Path f : files(dir)) {
            Law law;
            try {
                law = LawFile.parse(read(f), f.toString(), names.variables()).law();
            } catch (UserError e) {
                out.add(e.getMessage());
                continue;
            }
            problems(spec, law, names).forEach(p -> out.add(f + ": " + p));
            Path first = seen.putIfAbsent(identity(spec, law), f);
            if (first != null) {
                out.add(f + ": the same law as " + first.getFileName());
            }
        }
        return out;
    }

    /**
     * What keeps {@code law} from being a seed of {@code spec}, one phrase per problem (empty when
     * it is valid). The variables of {@code names} are those the law may read, as it was parsed with.
     */
    public static List<String> problems(TaskSpec spec, Law law, LawChecks.Names names) {
        List<String> out = new ArrayList<>();
        Set<String> known = names.variables();
        List<String> vars = law.variables();
        for (String v : vars) {
            if (!known.contains(v) || !spec.features().contains(spec.column(v))) {
                out.add("'" + v + "' is not a feature or alias of task " + spec.name());
            }
        }
        out.addAll(LawChecks.problems(law, names));
        String over = overCap(spec, law);
        if (over != null) {
            out.add(over);
        }
        return out;
    }

    /**
     * The generic laws of {@code genericDir} (normally {@code seeds/_generic}) usable for
     * {@code spec}: those whose declared variables ({@code # variables: ...} in the header) the
     * task has among the variables of {@code names}, and that are valid seeds there. A file that declares no
     * variables is never offered. Files that do not parse are skipped; {@code seeds check} on the
     * generic folder reports them.
     */
    public static List<SeedLaw> generic(TaskSpec spec, Path genericDir, LawChecks.Names names) {
        Set<String> variables = names.variables();
        List<SeedLaw> out = new ArrayList<>();
        for (Path f : files(genericDir)) {
            String text = read(f);
            List<String> declared = declaredVariables(text);
            if (declared.isEmpty() || !variables.containsAll(declared)) {
                continue;
            }
            try {
                LawFile lf = LawFile.parse(text, f.toString(), variables);
                if (problems(spec, lf.law(), names).isEmpty()) {
                    out.add(new SeedLaw(f, lf));
                }
            } catch (UserError e) {
                // not offered; a broken generic law must not stop a task's search
            }
        }
        return out;
    }

    /** The variables a law file's header declares ({@code # variables: X, Y}), in order; empty if none. */
    public static List<String> declaredVariables(String lawFileText) {
        int start = lawFileText.indexOf(LawFile.START);
        String header = start < 0 ? lawFileText : lawFileText.substring(0, start);
        Matcher m = DECLARED.matcher(header);
        if (!m.find()) {
            return List.of();
        }
        return Arrays.stream(m.group(1).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** {@link #add(TaskSpec, Path, LawChecks.Names, String, String, String)} without a note. */
    public static Path add(TaskSpec spec, Path dir, LawChecks.Names names, String lawText, String boundsText) {
        return add(spec, dir, names, lawText, boundsText, null);
    }

    /**
     * Validates a user's law (it parses against the variables of {@code names}, its bounds name its parameters,
     * it is a valid seed of the task) and writes it as {@code dir/user-<hash8>.law}, where hash8 is
     * the start of its canonical hash (aliases resolved to columns, bounds and fit settings
     * included), atomically (temporary file, then rename). A law already seeded in {@code dir}, up
     * to renaming of its constants, reordering and aliases, is refused. {@code note}, if given, goes
     * into the file's header. Returns the new file.
     */
    public static Path add(TaskSpec spec, Path dir, LawChecks.Names names, String lawText, String boundsText, String note) {
        Set<String> variables = names.variables();
        if (lawText == null || lawText.isBlank()) {
            throw new UserError("law: empty");
        }
        Law law = Law.of(LawParser.parse(lawText, variables, "law"));
        if (boundsText != null && !boundsText.isBlank()) {
            Bounds b = BoundsParser.parse(boundsText);
            for (String p : b.byParam().keySet()) {
                if (!law.parameters().contains(p)) {
                    throw new UserError("bounds: '" + p + "' is not a parameter of the law (parameters: " + String.join(", ", law.parameters()) + ")");
                }
            }
            law = law.withBounds(b);
        }
        List<String> problems = problems(spec, law, names);
        if (!problems.isEmpty()) {
            throw new UserError("law: " + String.join("; ", problems));
        }
        long id = identity(spec, law);
        for (Path f : files(dir)) {
            Law other = parsedOrNull(f, variables);   // a broken other file is no reason to refuse; seeds check reports it
            if (other != null && identity(spec, other) == id) {
                throw new UserError("law: the same law is already seeded as " + f);
            }
        }
        Path file = dir.resolve("user-" + HexFormat.of().toHexDigits(id).substring(0, 8) + ".law");
        if (Files.exists(file)) {
            throw new UserError("law: " + file + " already exists (the same law)");
        }
        StringBuilder header = new StringBuilder("# User-supplied candidate, added with `lawsearch seeds add`.\n");
        if (note != null && !note.isBlank()) {
            note.lines().forEach(l -> header.append("# ").append(l).append('\n'));
        }
        String text = LawFileWriter.write(new LawFile(header.toString(), law, ""));
        Law back = LawFile.parse(text, file.toString(), variables).law();
        if (identity(spec, back) != id) {
            throw new IllegalStateException("law file does not read back as written: " + text);
        }
        AtomicFiles.write(file, text);
        return file;
    }

    /** The problem with the cap, or null: constants per target times targets against max_params. */
    private static String overCap(TaskSpec spec, Law law) {
        if (spec.maxParams() == null) {
            return null;
        }
        int perTarget = law.parameters().size();
        int targets = Math.max(1, spec.targets().size());
        int n = perTarget * targets;
        if (n <= spec.maxParams()) {
            return null;
        }
        return n + " fitted constants per group" + (targets > 1 ? " (" + perTarget + " × " + targets + " targets)" : "")
                + ", over the task's cap of " + spec.maxParams();
    }

    /** Canonical hash with aliases resolved to their columns: N and num_params are the same law. */
    private static long identity(TaskSpec spec, Law law) {
        return Canonical.hash(law.withExpr(resolve(law.expr(), spec)));
    }

    private static Expr resolve(Expr e, TaskSpec spec) {
        return switch (e) {
            case Var v -> new Var(spec.column(v.name()));
            case Unary u -> new Unary(u.fn(), resolve(u.arg(), spec));
            case Binary b -> new Binary(b.op(), resolve(b.left(), spec), resolve(b.right(), spec));
            case Num n -> n;
            case Param p -> p;
        };
    }

    private static Law parsedOrNull(Path f, Set<String> variables) {
        try {
            return LawFile.parse(read(f), f.toString(), variables).law();
        } catch (UserError e) {
            return null;
        }
    }

    private static List<Path> files(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".law") && Files.isRegularFile(p))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list: " + e.getMessage());
        }
    }

    private static String read(Path f) {
        try {
            return TextFiles.read(f);
        } catch (IOException e) {
            throw new UserError(f + ": cannot read: " + e.getMessage());
        }
    }
}
