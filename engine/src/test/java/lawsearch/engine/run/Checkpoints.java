package lawsearch.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import lawsearch.engine.search.Boundary;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.SearchConfig;
import lawsearch.engine.search.SearchOptions;
import lawsearch.engine.search.SearchState;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;

/** Small, quick searches on the demo data for the checkpoint tests. */
final class Checkpoints {
    static final Dataset DEMO = DemoData.generate(0);
    static final List<String> SCALE = List.of("params", "tokens");

    private Checkpoints() { }

    static final SearchOptions OPTIONS = SearchOptions.builder().islands(2).populationSize(16).migrationInterval(3).build();

    static SearchConfig config(long generations) {
        return config(generations, OPTIONS);
    }

    static SearchConfig config(long generations, SearchOptions options) {
        return SearchConfig.builder().options(options).generations(generations).time(null).seed(5).threads(2).build();
    }

    /** A search of {@code generations} and the states at each of its generation boundaries. */
    record Traced(Discovery.Outcome outcome, List<SearchState> states) { }

    static Traced search(long generations, int stopAfter, SearchState from) {
        return search(generations, stopAfter, from, OPTIONS);
    }

    static Traced search(long generations, int stopAfter, SearchState from, SearchOptions options) {
        AtomicBoolean stop = new AtomicBoolean();
        List<SearchState> states = new ArrayList<>();
        Boundary keep = (g, state, last) -> states.add(state.get());
        Discovery.Outcome o = Discovery.run(DEMO, Discovery.Settings.builder(config(generations, options)).maxParams(5).scale(SCALE).build(), stop,
                new Discovery.Hooks(g -> stopAt(g, stopAfter, stop), keep, from));
        return new Traced(o, states);
    }

    /** Ctrl-C during generation {@code n}: the search stops at its end. */
    private static void stopAt(Generation g, int n, AtomicBoolean stop) {
        if (g.generation() == n) {
            stop.set(true);
        }
    }
}
