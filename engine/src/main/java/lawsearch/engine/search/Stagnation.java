package lawsearch.engine.search;

/**
 * When the search has stopped finding: the generations since the best fitness last fell (the
 * front's fittest law, as each {@link Generation} records it). Every {@code patience} generations
 * without a new best, one island is due a restart, the islands taken in turn. All of it is read
 * from the history, which a checkpoint keeps, so a resumed search (its history replayed through
 * {@link #observe}) restarts the same islands at the same generations as an uninterrupted one.
 */
final class Stagnation {
    private final int patience;
    private final int islands;
    private double best = Double.POSITIVE_INFINITY;
    private long improvedAt;
    private long restarts;

    /** {@code patience}: generations without a new best before each restart (0: never); {@code islands}: how many take turns. */
    Stagnation(int patience, int islands) {
        this.patience = patience;
        this.islands = islands;
    }

    /** Notes generation {@code g} (in generation order); the island due a restart after it, or -1. */
    int observe(Generation g) {
        if (g.bestFitness() < best) {
            best = g.bestFitness();
            improvedAt = g.generation();
            return -1;
        }
        long since = g.generation() - improvedAt;
        if (patience > 0 && Double.isFinite(best) && since > 0 && since % patience == 0) {
            return (int) (restarts++ % islands);
        }
        return -1;
    }
}
