package lawsearch.engine.task;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import lawsearch.engine.io.JsonErrors;
import lawsearch.evaluator.soundness.ShapeSpec;
import lawsearch.grammar.core.UserError;

/**
 * Finds the {@code seeds/} folder and reads task specs from {@code seeds/<task>/task.json}. Every
 * problem with a task file is a {@link UserError} naming the file, and the line and column when
 * the JSON itself is at fault (syntax, an unknown key, a value of the wrong type).
 */
public final class Tasks {
    /** System property naming the seeds folder; overrides the search from the working directory. */
    public static final String SEEDS_PROPERTY = "lawsearch.seeds";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private static final Set<String> KEYS = keys(TaskSpec.class);
    private static final Set<String> REFERENCE_KEYS = keys(TaskSpec.Reference.class);
    private static final Set<String> GRAMMAR_KEYS = keys(GrammarSpec.class);

    private Tasks() { }

    /**
     * The seeds folder: the system property {@value #SEEDS_PROPERTY} if set; else the first
     * {@code seeds/} beside a {@code pom.xml} from the working directory upward; else the same
     * search upward from where lawsearch's classes are (engine/target/lawsearch.jar lives in the
     * repository).
     */
    public static Path seedsDir() {
        String p = System.getProperty(SEEDS_PROPERTY);
        if (p != null) {
            Path dir = Path.of(p);
            if (!Files.isDirectory(dir)) {
                throw new UserError("-D" + SEEDS_PROPERTY + "=" + p + ": not a folder");
            }
            return dir;
        }
        Path found = findUpward(Path.of("").toAbsolutePath());
        if (found == null) {
            found = findUpward(codeLocation());
        }
        if (found == null) {
            throw new UserError("cannot find the seeds/ folder: run lawsearch inside its repository (or set -D" + SEEDS_PROPERTY + "=DIR)");
        }
        return found;
    }

    /** The repository root: task data paths are relative to it. */
    public static Path repoRoot() { return seedsDir().toAbsolutePath().getParent(); }

    /** The folder of a task's seed laws, {@code seeds/<task>}. */
    public static Path dir(TaskSpec spec) { return seedsDir().resolve(spec.name()); }

    /** Names of the tasks in {@link #seedsDir()}, sorted. */
    public static List<String> names() { return names(seedsDir()); }

    /** Names of the tasks in {@code seedsDir}: its sub-folders holding a task.json, sorted. */
    public static List<String> names(Path seedsDir) {
        try (Stream<Path> s = Files.list(seedsDir)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("task.json")))
                    .map(d -> d.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserError(seedsDir + ": cannot list tasks: " + e.getMessage());
        }
    }

    /** The task {@code name} of {@link #seedsDir()}. */
    public static TaskSpec load(String name) { return load(seedsDir(), name); }

    /** Reads and checks {@code seedsDir/name/task.json}; an unknown name lists the known ones. */
    public static TaskSpec load(Path seedsDir, String name) {
        Path file = seedsDir.resolve(name == null ? "" : name).resolve("task.json");
        if (name == null || !NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            List<String> known = names(seedsDir);
            throw new UserError("unknown task '" + name + "' (known: " + (known.isEmpty() ? "none in " + seedsDir : String.join(", ", known)) + ")");
        }
        TaskSpec spec = read(file);
        validate(spec, file, name);
        return spec;
    }

    /** Parses one task.json, mapping every JSON problem to a UserError at its line and column. */
    static TaskSpec read(Path file) {
        try {
            checkKeys(file);
            TaskSpec spec = JSON.readValue(file.toFile(), TaskSpec.class);
            if (spec == null) {
                throw new UserError(file + ": empty task (null)");
            }
            return spec;
        } catch (JsonProcessingException e) {
            throw new UserError(file + where(e.getLocation()) + ": " + describe(e), e);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Unknown keys, at the key's own line and column (Jackson's report on records points past the
     * value). Syntax errors surface here too, with their position.
     */
    private static void checkKeys(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            List<String> path = new ArrayList<>();
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        String key = p.currentName();
                        while (path.size() >= depth) {
                            path.remove(path.size() - 1);
                        }
                        String parent = depth == 2 && !path.isEmpty() ? path.get(0) : null;
                        Set<String> known = depth == 1 ? KEYS : "reference".equals(parent) ? REFERENCE_KEYS
                                : "grammar".equals(parent) ? GRAMMAR_KEYS : null;
                        if (known != null && !known.contains(key)) {
                            throw new UserError(file + where(p.currentTokenLocation()) + ": unknown key \""
                                    + (parent != null ? parent + "." : "") + key + "\" (known: " + String.join(", ", known) + ")");
                        }
                        path.add(key);
                    }
                    default -> { }
                }
            }
        }
    }

    private static Set<String> keys(Class<? extends Record> type) {
        Set<String> out = new LinkedHashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty jp = c.getAccessor().getAnnotation(JsonProperty.class);   // the annotation lands on the accessor, not the component
            out.add(jp != null && !jp.value().isEmpty() ? jp.value() : c.getName());
        }
        return Collections.unmodifiableSet(out);
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : ":" + loc.getLineNr() + ":" + Math.max(1, loc.getColumnNr());
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            Set<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            return "unknown key \"" + u.getPropertyName() + "\"" + (known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && !m.getPath().isEmpty()) {
            return "\"" + JsonErrors.path(m) + "\": expected " + kind(m.getTargetType());   // with the task file's own examples
        }
        return JsonErrors.describe(e);
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list of strings, like [\"a\", \"b\"]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of strings, like {\"N\": \"num_params\"}";
        }
        return "an object";
    }

    /** What JSON cannot say: required keys, names that refer to each other, sane values. */
    static void validate(TaskSpec t, Path file, String folder) {
        List<String> bad = new ArrayList<>();
        if (t.name() == null || !t.name().equals(folder)) {
            bad.add("\"name\" must be the folder's name, \"" + folder + "\"" + (t.name() == null ? "" : " (it is \"" + t.name() + "\")"));
        }
        if (t.data() == null || t.data().isBlank()) {
            bad.add("\"data\" is missing (a path relative to the repository root, or \"" + TaskSpec.GENERATED + "\")");
        }
        if (t.targets().isEmpty()) {
            bad.add("\"targets\" is missing or empty");
        }
        if (t.features().isEmpty()) {
            bad.add("\"features\" is missing or empty");
        }
        duplicates("targets", t.targets(), bad);
        duplicates("features", t.features(), bad);
        t.targets().stream().filter(t.features()::contains).forEach(c -> bad.add("\"" + c + "\" is both a target and a feature"));
        t.aliases().forEach((alias, column) -> {
            if (!IDENTIFIER.matcher(alias).matches()) {
                bad.add("alias \"" + alias + "\" is not a name a law can use (letters, digits, _)");
            } else if (t.features().contains(alias) || t.targets().contains(alias)) {
                bad.add("alias \"" + alias + "\" is already a column name");
            }
            if (!t.features().contains(column)) {
                bad.add("alias \"" + alias + "\" names \"" + column + "\", which is not one of the features");
            }
        });
        if (t.scale() != null) {
            for (String s : t.scale()) {
                if (!t.features().contains(s) && !t.aliases().containsKey(s)) {
                    bad.add("\"scale\" names \"" + s + "\", which is neither a feature nor an alias");
                }
            }
        }
        if (t.shape() != null) {
            try {
                ShapeSpec spec = ShapeSpec.parse(t.shape());
                for (String v : spec.along() == null ? List.<String>of() : spec.along()) {
                    if (!t.features().contains(v) && !t.aliases().containsKey(v)) {
                        bad.add("\"shape\" names \"" + v + "\", which is neither a feature nor an alias");
                    }
                }
            } catch (IllegalArgumentException e) {
                bad.add("\"shape\": " + e.getMessage());
            }
        }
        if (t.maxParams() != null && t.maxParams() < Math.max(1, t.targets().size())) {
            bad.add("\"max_params\" is " + t.maxParams() + ": it must allow at least one constant per target (or be null: no cap)");
        }
        if (t.grammar() != null) {
            bad.addAll(t.grammar().problems());
        }
        if (t.reference() != null) {
            reference("best_published_r2", t.reference().bestPublishedR2(), bad);
            reference("human_law_r2", t.reference().humanLawR2(), bad);
        }
        if (!bad.isEmpty()) {
            throw new UserError(file + ": " + String.join("; ", bad));
        }
    }

    private static void duplicates(String key, List<String> names, List<String> bad) {
        Set<String> seen = new HashSet<>();
        names.stream().filter(n -> !seen.add(n)).distinct().forEach(n -> bad.add("\"" + key + "\" lists \"" + n + "\" twice"));
    }

    private static void reference(String key, Double r2, List<String> bad) {
        if (r2 != null && (r2.isNaN() || r2 > 1)) {
            bad.add("\"reference\"." + key + " is " + r2 + ": an R² is at most 1");
        }
    }

    private static Path findUpward(Path start) {
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("seeds")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d.resolve("seeds");
            }
        }
        return null;
    }

    /** Where lawsearch's classes were loaded from (a jar or a classes folder), or null. */
    private static Path codeLocation() {
        try {
            var src = Tasks.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
