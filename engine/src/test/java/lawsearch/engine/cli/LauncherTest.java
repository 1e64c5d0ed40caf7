package lawsearch.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import lawsearch.engine.task.Tasks;
import picocli.CommandLine;

/** The launcher script names the commands it makes class-data archives for: exactly Main's subcommands. */
class LauncherTest {
    @Test
    void theLauncherKnowsEveryCommandAndNoOther() throws IOException {
        String script = Files.readString(Tasks.repoRoot().resolve("lawsearch"));
        List<String> listed = new ArrayList<>();
        for (String list : List.of("quick_commands", "search_commands")) {
            Matcher m = Pattern.compile("(?m)^" + list + "=\"([^\"]*)\"$").matcher(script);
            assertThat(m.find()).as(list).isTrue();
            listed.addAll(Arrays.asList(m.group(1).split(" ")));
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(new CommandLine(new Main()).getSubcommands().keySet());
    }
}
