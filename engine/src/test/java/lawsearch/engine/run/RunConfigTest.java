package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.engine.search.SearchOptions;
import lawsearch.grammar.core.UserError;

/** config.json: written and read back whole; its search options merged over the defaults. */
class RunConfigTest {
    @TempDir Path dir;

    private static RunConfig config(SearchOptions search) {
        return RunConfig.builder().version("test").task("demo").entry("default").index(1).seed(7)
                .data(new RunConfig.Source("demo", null, null, null, null, 0)).features(List.of("params", "tokens"))
                .targets(List.of("loss")).aliases(Map.of()).maxParams(5).generations(3L).threads(2).search(search).build();
    }

    @Test
    void writtenAndReadBackWhole() {
        RunConfig c = config(SearchOptions.builder().parsimony(0.05).polish(4).build());
        c.write(dir);
        assertThat(RunConfig.read(dir)).isEqualTo(c);
        assertThat(RunConfig.read(dir).searchConfig(2).options()).isEqualTo(c.search());
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    /** A run written before the options existed searched with the defaults; one written before some option existed, with its default. */
    @Test
    void missingSearchOptionsReadAsTheDefaults() throws IOException {
        config(SearchOptions.DEFAULTS).write(dir);
        Path f = dir.resolve(RunConfig.FILE);
        String search = ",\\s*\"search\"\\s*:\\s*\\{(?s).*\\}\\s*\\}\\s*$";   // the last key's object to the end
        String text = Files.readString(f);
        Files.writeString(f, text.replaceFirst(search, "\n}\n"));
        assertThat(Files.readString(f)).doesNotContain("search");
        assertThat(RunConfig.read(dir).search()).isEqualTo(SearchOptions.DEFAULTS);
        Files.writeString(f, text.replaceFirst(search, ", \"search\": {\"parsimony\": 0.04, \"future_option\": 1}\n}\n"));
        assertThat(RunConfig.read(dir).search()).isEqualTo(SearchOptions.builder().parsimony(0.04).build());
    }

    @Test
    void badSearchOptionsAreAUserErrorNamingTheFile() throws IOException {
        config(SearchOptions.DEFAULTS).write(dir);
        Path f = dir.resolve(RunConfig.FILE);
        Files.writeString(f, Files.readString(f).replaceFirst("\"islands\"\\s*:\\s*4", "\"islands\": 0"));
        assertThatThrownBy(() -> RunConfig.read(dir)).isInstanceOf(UserError.class)
                .hasMessageContaining("config.json: \"search\": islands: must be an integer >= 1, got 0");
    }
}
