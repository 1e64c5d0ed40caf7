package lawsearch.engine.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.core.Weighting;

/**
 * Checks a law against the data before any fitting, for every command that takes a law (eval,
 * bench, discover's seed laws, seeds add and check). The law language makes every identifier that
 * is not a variable a fitted parameter, so a column the law cannot read silently becomes a
 * constant. Refused: a parameter named like a variable (differing only in case, or by one or two
 * letters), almost always a typo, reported with the likely intended one; a parameter that is a
 * name the law cannot read ({@link Names#unread}: a target, a column left out of the features, an
 * alias of one); a law that reads no variable at all (a column misspelt beyond the typo check, so
 * the "law" is one constant); and a weight variable that is not a variable.
 */
public final class LawChecks {
    private static final List<String> NON_FEATURE_COLUMNS = List.of("group", "split");
    private static final String CONSTANT = "rename it if it is meant to be a fitted constant";

    private LawChecks() { }

    /**
     * The names a law may read ({@code variables}: features and their aliases) and the names it
     * must not use as constants, each with why it cannot read them ({@code unread}).
     */
    public record Names(Set<String> variables, Map<String, String> unread) {
        public Names {
            variables = Set.copyOf(variables);
            unread = Map.copyOf(unread);
        }

        /** The names of loaded data: its targets and other columns, and the task's aliases of columns that are not features. */
        public static Names of(Dataset ds, TaskSpec spec) {
            Set<String> variables = ds.variableNames();
            Map<String, String> unread = new LinkedHashMap<>();
            ds.targets().forEach(t -> unread.put(t, target(t)));
            ds.otherColumns().forEach(c -> unread.putIfAbsent(c, notFeature(c)));
            if (spec != null) {
                addSpec(spec, variables, unread);
            }
            variables.forEach(unread::remove);
            return new Names(variables, unread);
        }

        /** The names of a task, read from its spec alone: {@code variables} are those the law may read. */
        public static Names of(TaskSpec spec, Set<String> variables) {
            Map<String, String> unread = new LinkedHashMap<>();
            addSpec(spec, variables, unread);
            NON_FEATURE_COLUMNS.forEach(c -> unread.putIfAbsent(c, notFeature(c)));
            variables.forEach(unread::remove);
            return new Names(variables, unread);
        }

        /** {@link #of(TaskSpec, Set)} with the task's own variables. */
        public static Names of(TaskSpec spec) { return of(spec, spec.variables()); }

        private static void addSpec(TaskSpec spec, Set<String> variables, Map<String, String> unread) {
            spec.targets().forEach(t -> unread.putIfAbsent(t, target(t)));
            spec.features().forEach(f -> unread.putIfAbsent(f, notFeature(f)));
            spec.aliases().forEach((a, c) -> unread.putIfAbsent(a, "'" + a + "' stands for column '" + c
                    + "', which is not a feature, so the law cannot read it (" + CONSTANT + ")"));
        }

        private static String target(String t) {
            return "'" + t + "' is a target column, which a law cannot read (" + CONSTANT + ")";
        }

        private static String notFeature(String c) {
            return "'" + c + "' is a column of the data that is not a feature, so the law cannot read it (add it to --features, or "
                    + CONSTANT + ")";
        }
    }

    /** The first problem of {@code law} against {@code names}, as a UserError starting with {@code where}. */
    public static void check(Law law, Names names, String where) {
        List<String> problems = problems(law, names);
        if (!problems.isEmpty()) {
            throw new UserError(where + ": " + problems.get(0));
        }
    }

    /** Every problem of {@code law} against {@code names}, one phrase each; empty when there is none. */
    public static List<String> problems(Law law, Names names) {
        List<String> out = new ArrayList<>();
        for (String p : law.parameters()) {
            String why = names.unread().get(p);
            String near = why == null ? nearest(p, names.variables()) : null;
            if (why != null) {
                out.add(why);
            } else if (near != null) {
                out.add("'" + p + "' is not a column of the data (did you mean '" + near + "'?); " + CONSTANT);
            }
        }
        if (out.isEmpty() && law.variables().isEmpty()) {   // a column misspelt beyond the typo check above
            out.add("the law reads no column of the data, so it predicts one constant per group: "
                    + String.join(", ", law.parameters().stream().map(p -> "'" + p + "'").toList())
                    + " would all be fitted constants (columns: " + String.join(", ", names.variables().stream().sorted().toList()) + ")");
        }
        if (law.fit().weighting() instanceof Weighting.Scale s && !names.variables().contains(s.variable())) {
            out.add("weight variable '" + s.variable() + "' is not a column of the data");
        }
        return out;
    }

    private static String nearest(String p, Set<String> variables) {
        if (p.length() < 4) {
            return null;   // short names (A, E, alpha...) are constants by convention
        }
        for (String v : variables) {
            if (v.equalsIgnoreCase(p) || (v.length() >= 4 && distance(v.toLowerCase(Locale.ROOT), p.toLowerCase(Locale.ROOT)) <= Math.min(2, v.length() / 4))) {
                return v;
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
