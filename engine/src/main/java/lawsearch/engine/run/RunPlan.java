package lawsearch.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import lawsearch.engine.search.SearchConfig;
import lawsearch.evaluator.data.Dataset;
import lawsearch.grammar.core.Law;

/**
 * One run to carry out: its recorded configuration, the data and seed laws it names, the search
 * built from it, where its files go, how often it checkpoints, and its place among the runs
 * started together (for "run 2/3").
 */
public record RunPlan(RunConfig config, Dataset data, List<Law> seeds, SearchConfig search, Path dir,
                      Duration checkpointEvery, int runs) {

    public RunPlan {
        seeds = List.copyOf(seeds);
    }
}
