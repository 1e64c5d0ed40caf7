package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Group;

/**
 * The train rows the search scores its laws on when a sweep has more than {@code max} of them: a
 * fixed sample, each group keeping its share of the rows (at least {@link #MIN_GROUP_ROWS}). A fit's cost grows with the rows, so on a
 * sweep of training curves (tens of thousands of logged steps) a generation would take minutes and a
 * run would end where it began; on a sample the search makes its generations, and the laws it keeps
 * (the front and the fittest) are scored again on every train row before one is reported, as
 * PySR's batching compares its hall of fame on the full data.
 *
 * <p>The sample does not depend on the run's seed: seeds differ by their search, not by their rows.
 * Rows keep their file order, so the folds cut from the sample are cut as from any table.
 */
public final class RowSample {
    private RowSample() { }

    /**
     * A group keeps at least this many rows (all it has, when fewer): constants are fitted per group,
     * and a small group's share of a large sweep (5 rows of 20 000: 1 row) would leave them unpinned.
     */
    static final int MIN_GROUP_ROWS = 40;

    /** Fixed: the same rows for every seed. */
    private static final long SAMPLE_SEED = 0x5A4D_91E5L;

    /**
     * {@code train} itself when it has at most {@code max} rows or {@code max} is 0, else a sample of
     * about {@code max} rows (more when small groups keep their least).
     */
    public static Dataset of(Dataset train, int max) {
        int n = train.trainRows();
        if (!applies(n, max)) {
            return train;
        }
        List<Group> groups = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
        for (Group g : train.groups()) {
            int size = g.train().size();
            int keep = Math.min(size, Math.max(MIN_GROUP_ROWS, (int) Math.round((double) size * max / n)));
            groups.add(new Group(g.name(), g.train().select(chosen(size, keep, random.split())), g.test()));
        }
        return new Dataset(train.source(), train.features(), train.targets(), groups, train.aliases(), train.otherColumns());
    }

    /** Whether a search on {@code rows} train rows scores on a sample, {@code max} being {@code search_rows}. */
    public static boolean applies(int rows, int max) {
        return max > 0 && rows > max;
    }

    /** {@code keep} of {@code size} indices, uniformly without replacement (a partial Fisher–Yates shuffle). */
    private static boolean[] chosen(int size, int keep, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        boolean[] out = new boolean[size];
        for (int i = 0; i < keep; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            out[order[i]] = true;
        }
        return out;
    }
}
