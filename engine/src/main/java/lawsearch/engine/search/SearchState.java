package lawsearch.engine.search;

import java.util.List;

import lawsearch.grammar.core.Law;

/**
 * Everything a search needs to continue exactly where it stood at a generation boundary: each
 * island's population (laws and the generation each was born in, which Jenetics' age limit reads)
 * and engine generation, every score computed so far (with its law while the search still holds
 * it, see {@link Fitness#forget}), the history and the search time spent. No generator state: each generation draws
 * from a generator seeded by (seed, generation), see {@link Search}.
 */
public record SearchState(long generation, double elapsedSeconds, List<IslandState> islands, List<Score> scores,
                          List<Generation> history) {

    public SearchState {
        islands = List.copyOf(islands);
        scores = List.copyOf(scores);
        history = List.copyOf(history);
    }

    /** One island: the generation its engine evolves next and its population. */
    public record IslandState(long generation, List<Member> population) {
        public IslandState {
            population = List.copyOf(population);
        }
    }

    /** One individual: its law and the generation it was born in. */
    public record Member(Law law, long born) { }
}
