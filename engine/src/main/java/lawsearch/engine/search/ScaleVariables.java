package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.soundness.Roles;
import lawsearch.grammar.formatter.Printer;

/**
 * The scale variables of a sweep, decided from its train rows rather than from column names: the
 * positive features spanning at least {@link #SPAN}× along which every target moves one way with
 * {@link Trend#consistency} at least {@link #CONSISTENCY}, each target in the direction it takes
 * along most of them (a loss falls with parameters, tokens, experts; an accuracy beside it rises). A learning rate swept across its optimum, or a
 * vocabulary size with a best value inside the sweep, moves both ways and is not one; a column
 * named {@code size} that does nothing is not one either. When no column qualifies, the columns
 * the target moves along as steadily that fail only by their values ({@link #narrowCandidates}:
 * sizes the user logged, {@code log10_params} from 7 to 10) are taken instead, {@code narrow} then true:
 * without them the folds would be random fifths, validating interpolation, and no law would be
 * checked beyond the data. {@code trends} keeps the evidence for the run log. {@code notPositive}
 * names the columns that would span 4× but for a few values at or below 0 ({@link #notPositive}):
 * one typo there silently takes a model size out of the scale variables and off the log scale.
 * Found with {@link #detect}; a task spec or {@code --scale} overrides it.
 */
public record ScaleVariables(List<String> chosen, List<Trend> trends, boolean narrow, List<String> notPositive) {

    public static final double SPAN = 4;
    static final double CONSISTENCY = 0.9;

    public ScaleVariables {
        chosen = List.copyOf(chosen);
        trends = List.copyOf(trends);
        notPositive = List.copyOf(notPositive);
    }

    /** At most this share of a column's train rows at or below 0 reads as a slip, not a signed column. */
    static final double FEW = 0.1;

    public static ScaleVariables detect(Dataset train) {
        ScaleVariables wide = steady(train, train.features().stream().filter(f -> ColumnRange.of(train, f).spans(SPAN)).toList());
        List<String> slips = notPositive(train);
        if (!wide.chosen().isEmpty()) {
            return new ScaleVariables(wide.chosen(), wide.trends(), false, slips);
        }
        ScaleVariables narrow = steady(train, narrowCandidates(train));
        List<Trend> all = new ArrayList<>(wide.trends());
        all.addAll(narrow.trends());
        return new ScaleVariables(narrow.chosen(), all, !narrow.chosen().isEmpty(), slips);
    }

    /**
     * For each feature whose positive train values span {@link #SPAN}× but that is 0 or below on a
     * few rows (at most {@link #FEW} of them), what the run warns: those rows, the smallest value.
     * A signed column (a logged size, a shift) has many such rows and is not named.
     */
    static List<String> notPositive(Dataset train) {
        List<String> out = new ArrayList<>();
        for (String f : train.features()) {
            ColumnRange r = ColumnRange.of(train, f);
            if (!r.positive() && r.nonPositive() <= FEW * r.rows() && r.positivePartSpans(SPAN)) {
                out.add(String.format(Locale.ROOT, "%s is 0 or below on %d of its %d train rows (smallest %s), so it is"
                        + " no scale variable and no law takes its log: a typo, or runs to leave out?", f, r.nonPositive(), r.rows(),
                        Printer.number(r.lo())));
            }
        }
        return out;
    }

    /**
     * The features the target may move along that are no scale variable by the span rule only:
     * spanning less than {@link #SPAN}× or reaching 0 or below, as a logged size does
     * ({@code log10_params} from 7 to 10, {@code log10_data} from -3 to -0.5), or a short sweep.
     * Mixture proportions and columns of fewer than three values are left out. Read apart from the
     * spanning columns, whose joint reading it leaves unchanged.
     */
    private static List<String> narrowCandidates(Dataset train) {
        Set<String> proportions = Roles.proportions(train, List.of());
        return train.features().stream().filter(f -> !proportions.contains(f)).filter(f -> {
            ColumnRange r = ColumnRange.of(train, f);
            return !r.spans(SPAN) && r.values() >= 3;
        }).toList();
    }

    /**
     * Of {@code candidates}, those every target moves along steadily, each target in the direction
     * it takes along most of them. Targets may disagree with one another (a loss falls where an
     * accuracy beside it rises: both read params and tokens as scales), not a column with the others:
     * the columns are grouped by the directions the targets take along them, and the largest group
     * is chosen, the one where more targets fall if two are as large (one target: falling columns
     * unless more rise). Asked to move the same way, a loss and an accuracy in one CSV had no scale
     * variable, so the folds were random and the run reported a bowl in log(params) (test R² 0.82).
     */
    private static ScaleVariables steady(Dataset train, List<String> candidates) {
        List<Trend> trends = new ArrayList<>();
        Map<List<Boolean>, List<String>> byDirections = new LinkedHashMap<>();
        List<List<Trend>> byTarget = train.targets().stream().map(t -> Trend.of(train, t, candidates)).toList();
        for (int k = 0; k < candidates.size(); k++) {
            int at = k;
            List<Trend> perTarget = byTarget.stream().map(ts -> ts.get(at)).toList();
            trends.addAll(perTarget);
            if (perTarget.stream().allMatch(t -> t.consistency() >= CONSISTENCY)) {
                byDirections.computeIfAbsent(perTarget.stream().map(Trend::falls).toList(), d -> new ArrayList<>()).add(candidates.get(k));
            }
        }
        Comparator<Map.Entry<List<Boolean>, List<String>>> larger = Comparator.comparingInt(e -> e.getValue().size());
        List<String> chosen = byDirections.entrySet().stream()
                .max(larger.thenComparingLong(e -> e.getKey().stream().filter(f -> f).count()))
                .map(Map.Entry::getValue).orElse(List.of());
        return new ScaleVariables(chosen, trends, false, List.of());
    }

    /**
     * When the targets move opposite ways along the chosen scale variables (a loss falls, an
     * accuracy beside it rises), "loss falls, accuracy rises"; null otherwise.
     */
    public String opposed() {
        if (chosen.isEmpty()) {
            return null;
        }
        List<Trend> along = trends.stream().filter(t -> t.feature().equals(chosen.get(0))).toList();
        boolean both = along.stream().anyMatch(Trend::falls) && along.stream().anyMatch(t -> !t.falls());
        return both ? along.stream().map(t -> t.target() + (t.falls() ? " falls" : " rises")).collect(Collectors.joining(", ")) : null;
    }

    /** For the run log: the choice, then each candidate's trend. */
    public String describe() {
        return (chosen.isEmpty() ? "none" : String.join(", ", chosen)) + " (from the train rows"
                + (narrow ? ", no positive column spanning " + (int) SPAN + "x: taken as logged sizes" : "") + ": "
                + (trends.isEmpty() ? "no positive feature spans " + (int) SPAN + "x"
                        : trends.stream().map(Trend::toString).collect(Collectors.joining("; "))) + ")";
    }
}
