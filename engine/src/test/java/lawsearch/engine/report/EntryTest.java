package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import lawsearch.engine.run.RunConfig;
import lawsearch.engine.search.SearchOptions;

/** An entry's settings name the search options its runs changed, and nothing when they kept the defaults. */
class EntryTest {

    private static RunDir run(int index, SearchOptions search) {
        RunConfig c = RunConfig.builder().version("0.1.0").task("demo").entry("e").index(index).seed(index)
                .maxParams(5).generations(3L).search(search).build();
        return new RunDir(Path.of("runs/demo/e/run-" + index), c, null, "interrupted");
    }

    @Test
    void settingsShowOnlyOptionsThatDifferFromTheDefaults() {
        assertThat(Entry.of("demo", "e", List.of(run(0, SearchOptions.DEFAULTS))).settings())
                .isEqualTo("max_params 5; budget 3 generations; seeds 0; seed laws yes; lawsearch 0.1.0");
        SearchOptions changed = SearchOptions.builder().parsimony(0.05).islands(2).build();
        assertThat(Entry.of("demo", "e", List.of(run(0, changed), run(1, changed))).settings())
                .isEqualTo("max_params 5; budget 3 generations; seeds 0, 1; seed laws yes; options islands=2, parsimony=0.05; lawsearch 0.1.0");
    }

    @Test
    void settingsCountTheUsersOwnLaws() {
        RunConfig c = RunConfig.builder().version("0.1.0").task("demo").entry("e").index(0).seed(0).maxParams(5).generations(3L)
                .laws(List.of("# EVOLVE-BLOCK-START\nlaw: E + A*params^(-alpha)\n# EVOLVE-BLOCK-END\n")).build();
        assertThat(Entry.of("demo", "e", List.of(new RunDir(Path.of("runs/demo/e/run-0"), c, null, "interrupted"))).settings())
                .isEqualTo("max_params 5; budget 3 generations; seeds 0; seed laws yes; own laws 1; lawsearch 0.1.0");
    }
}
