package lawsearch.engine.search;

import java.util.List;

import lawsearch.engine.task.GrammarSpec;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.operators.Grammar;

/**
 * The default grammar for a plain CSV: every feature a variable, each positive one divided by its
 * typical scale (a power of ten near its geometric mean) so exponents and coefficients stay in
 * tame ranges; the parameter cap split evenly over the targets.
 */
public final class Grammars {
    /** Fitted constants per target when the task sets no cap. */
    static final int UNCAPPED = 12;

    private Grammars() { }

    public static Grammar forData(Dataset train, Integer maxParams, List<String> scaleVariables) {
        return forData(train, maxParams, scaleVariables, null);
    }

    /** As {@link #forData(Dataset, Integer, List)}, with a task's changes to the grammar (null: none). */
    public static Grammar forData(Dataset train, Integer maxParams, List<String> scaleVariables, GrammarSpec changes) {
        int perTarget = maxParams == null ? uncapped(train) : Math.max(1, maxParams / train.targets().size());
        List<String> drawn = drawn(train);
        // Room for one term per variable (additive laws over mixtures or hyper-parameters).
        int terms = Math.max(4, drawn.size() + 1);
        Grammar.Builder b = Grammar.builder(drawn).reserved(train.variableNames()).maxParams(perTarget).scaleVariables(scaleVariables)
                .maxTerms(terms).maxSize(Math.max(40, 8 * terms)).maxDepth(Math.max(9, terms + 7));
        List<String> logSwept = new java.util.ArrayList<>();
        for (String f : drawn) {
            double typical = typicalScale(train, f);
            if (typical > 0) {
                b.scale(f, typical);
            }
            if (ColumnRange.of(train, f).spans(10)) {   // a log-scale sweep
                logSwept.add(f);
            }
        }
        b.logSwept(logSwept);
        return (changes == null ? b : changes.applyTo(b)).build();
    }

    /**
     * The cap when the task sets none: UNCAPPED, but fewer than the most train rows of any group, since
     * a law with as many constants as rows passes through every row and says nothing (on a sweep of
     * five model sizes the search reported a 6-constant law, validating at R² 0.9996 on the two
     * largest sizes and scoring 0.36 on the next two; capped, a 2-constant one scoring 0.97).
     */
    static int uncapped(Dataset train) {
        return Math.min(UNCAPPED, belowRows(train));
    }

    /** One fewer than the most train rows of any group (at least 1): more constants fit every row exactly. */
    static int belowRows(Dataset train) {
        int most = train.groups().stream().mapToInt(g -> g.train().size()).max().orElse(0);
        return Math.max(1, most - 1);
    }

    /**
     * The features the search draws laws from: all but those of one value on every train row (a
     * sweep's sequence length or vocabulary held fixed), which no law can learn anything from; on a
     * sweep with such a column the search spent terms on {@code c1*(seq_len/1000)^c2}. A seed law
     * naming one is still admitted ({@link Grammar#admitting}). All features when none varies.
     */
    static List<String> drawn(Dataset train) {
        List<String> fixed = fixedFeatures(train);
        List<String> drawn = train.features().stream().filter(f -> !fixed.contains(f)).toList();
        return drawn.isEmpty() ? train.features() : drawn;
    }

    /** The features of one value on every train row, in column order (the run log names them). */
    public static List<String> fixedFeatures(Dataset train) {
        return train.features().stream().filter(f -> ColumnRange.of(train, f).values() == 1).toList();
    }

    /** 10^round(mean log10 x) over train rows, or 0 when some value is not positive. */
    static double typicalScale(Dataset d, String column) {
        double sum = 0;
        long n = 0;
        for (Group g : d.groups()) {
            for (double x : g.train().column(column)) {
                if (!(x > 0)) {
                    return 0;
                }
                sum += Math.log10(x);
                n++;
            }
        }
        return n == 0 ? 0 : Math.pow(10, Math.round(sum / n));
    }
}
