package lawsearch.evaluator.soundness;

import java.util.LinkedHashMap;
import java.util.Map;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.protocol.FittedLaw;

/**
 * The {@link Soundness} checks made cheap enough to ask of every candidate a search scores: the
 * same finiteness, range and monotonicity checks, on a coarser grid ({@link #GRID_ROWS} rows) and
 * along the rays from as many train configurations as keep the rays near {@link #RAY_ROWS} rows
 * (hyper-parameters retuned on {@link #COARSE} points per axis, then {@link #REFINE} finer grids)
 * (all of the full check's without hyper-parameters, where rays are cheap; never fewer than
 * {@link #MIN_STARTS}, the smallest and largest among them), with the grid and the rays built once
 * for all laws. A law that passes may still fail the full check (a run checks again before it
 * reports); it is the search's guide, not the verdict. With 8 starts on an isoFLOP sweep, every
 * good law of a run passed the screen and then rose along params at the smallest token count, a
 * start the screen had left out.
 */
public final class Screen {
    static final int MIN_STARTS = 8;
    static final int GRID_ROWS = 20_000;
    static final int RAY_ROWS = 20_000;
    /**
     * Hyper-parameters are retuned on 7 points per axis and two finer grids (the full check: 13 and
     * three). At the full check's, a learning-rate × batch-size sweep's search made 79 generations
     * in two minutes where it had made 348 unscreened.
     */
    static final int COARSE = 7;
    static final int REFINE = 2;

    private record Target(Domain domain, Soundness.Grid grid, Frame frame, Rays rays) { }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    public Screen(Map<String, Domain> domains) {
        domains.forEach((t, full) -> {
            int h = full.hyper().size();
            double perStart = Rays.POINTS * (full.scale().size() + 1) * (Math.pow(COARSE, h) + REFINE * Math.pow(Rays.FINE, h));
            Domain d = full.thinned(Math.max(MIN_STARTS, (int) (RAY_ROWS / perStart)));
            Soundness.Grid grid = Soundness.Grid.of(d, GRID_ROWS);
            targets.put(t, new Target(d, grid, grid.frame(), new Rays(d, RAY_ROWS, COARSE, REFINE)));
        });
    }

    /** Whether {@code law} passes every check for every group and target it predicts. */
    public boolean passes(FittedLaw law) {
        return every(law, (c, g, t) -> Soundness.check(law, g, t, c.domain(), c.grid(), c.frame(), c.rays()));
    }

    /**
     * Whether {@code law} is finite and within each target's natural range (positive, or in [0, 1],
     * when every train row is) on the grid, for every group and target: the checks that say whether
     * it predicts the quantity at all, not how it moves along the scale variables.
     */
    public boolean inRange(FittedLaw law) {
        return every(law, (c, g, t) -> Soundness.onGrid(law, g, t, c.domain(), c.grid(), c.frame()));
    }

    private interface Check {
        Soundness.Verdict of(Target c, String group, String target);
    }

    private boolean every(FittedLaw law, Check check) {
        for (String g : law.groups()) {
            for (String t : law.targets()) {
                Target c = targets.get(t);
                if (c != null && !check.of(c, g, t).sound()) {
                    return false;
                }
            }
        }
        return true;
    }
}
