package lawsearch.evaluator.soundness;

import java.util.LinkedHashMap;
import java.util.Map;

import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.protocol.FittedLaw;

/**
 * The {@link Soundness} checks made cheap enough to ask of every candidate a search scores: the
 * same finiteness, range and monotonicity checks, on a coarser grid ({@link #GRID_ROWS} rows) and
 * along the rays from {@link #STARTS} train configurations (smallest and largest among them), with
 * the grid and the rays built once for all laws. A law that passes may still fail the full check
 * (a run checks again before it reports); it is the search's guide, not the verdict.
 */
public final class Screen {
    static final int STARTS = 8;
    static final int GRID_ROWS = 20_000;
    static final int RAY_ROWS = 60_000;

    private record Target(Domain domain, Soundness.Grid grid, Frame frame, Rays rays) { }

    private final Map<String, Target> targets = new LinkedHashMap<>();

    public Screen(Map<String, Domain> domains) {
        domains.forEach((t, full) -> {
            Domain d = full.thinned(STARTS);
            Soundness.Grid grid = Soundness.Grid.of(d, GRID_ROWS);
            targets.put(t, new Target(d, grid, grid.frame(), new Rays(d, RAY_ROWS)));
        });
    }

    /** Whether {@code law} passes every check for every group and target it predicts. */
    public boolean passes(FittedLaw law) {
        for (String g : law.groups()) {
            for (String t : law.targets()) {
                Target c = targets.get(t);
                if (c != null && !Soundness.check(law, g, t, c.domain(), c.grid(), c.frame(), c.rays()).sound()) {
                    return false;
                }
            }
        }
        return true;
    }
}
