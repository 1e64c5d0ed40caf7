package lawsearch.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.grammar.core.UserError;

class TasksTest {
    static final List<String> TASKS = List.of("data_constrained", "demo", "domain_mixture", "lr_bsz", "parallel", "sft");

    @Test
    void everyTaskJsonLoadsAndIsConsistent() {
        assertThat(Tasks.names()).containsAll(TASKS);
        for (String name : Tasks.names()) {
            TaskSpec t = Tasks.load(name);
            assertThat(t.name()).isEqualTo(name);
            assertThat(t.description()).as(name).isNotBlank();
            assertThat(t.targets()).as(name).isNotEmpty();
            assertThat(t.features()).as(name).isNotEmpty();
            assertThat(t.scale()).as(name + ": every shipped task says what its scale is").isNotNull();
            assertThat(t.features()).as(name).containsAll(t.aliases().values());
            t.scale().forEach(s -> assertThat(t.features().contains(s) || t.aliases().containsKey(s)).as(name + " scale " + s).isTrue());
            assertThat(t.variables()).containsAll(t.features()).containsAll(t.aliases().keySet());
            assertThat(t.reference()).as(name).isNotNull();
            if (!t.isGenerated()) {
                assertThat(t.data()).as(name + ": data comes from ../shared/data, never a copy in the repository").startsWith("../shared/data/");
                // A user's clone has no ../shared beside it: the file is checked where it is (CI has it).
                if (java.nio.file.Files.isDirectory(Tasks.repoRoot().resolve("../shared/data"))) {
                    assertThat(t.dataPath(Tasks.repoRoot())).as(name).isRegularFile();
                }
            }
        }
    }

    @Test
    void theShippedTasksSayWhatTheDataReadmeSays() {
        TaskSpec p = Tasks.load("parallel");
        assertThat(p.maxParams()).isEqualTo(4);
        assertThat(p.aliases()).containsEntry("N", "num_params").containsEntry("P", "parallel_size");
        assertThat(p.reference().bestPublishedR2()).isEqualTo(0.99966);
        assertThat(p.dataPath(Path.of("/repo"))).isEqualTo(Path.of("/shared/data/parallel.csv"));

        TaskSpec lr = Tasks.load("lr_bsz");
        assertThat(lr.maxParams()).isNull();
        assertThat(lr.maxParamsPerTarget()).isNull();
        assertThat(lr.targets()).containsExactly("lm_loss");
        assertThat(lr.column("N")).isEqualTo("non_embedding_param_size");
        assertThat(lr.column("lr")).isEqualTo("lr");

        TaskSpec dm = Tasks.load("domain_mixture");
        assertThat(dm.targets()).hasSize(5);
        assertThat(dm.maxParams()).isEqualTo(35);
        assertThat(dm.maxParamsPerTarget()).isEqualTo(7);
        assertThat(dm.scale()).isEmpty();

        assertThat(Tasks.load("data_constrained").maxParams()).isEqualTo(7);
        assertThat(Tasks.load("sft").maxParams()).isEqualTo(4);

        TaskSpec demo = Tasks.load("demo");
        assertThat(demo.isGenerated()).isTrue();
        assertThat(demo.maxParams()).isEqualTo(5);
        assertThatThrownBy(() -> demo.dataPath(Path.of("/repo"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void specsAreImmutable() {
        TaskSpec t = Tasks.load("parallel");
        assertThatThrownBy(() -> t.targets().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.aliases().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.scale().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> t.variables().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unknownTaskListsTheKnownOnes() {
        assertThatThrownBy(() -> Tasks.load("nope")).isInstanceOf(UserError.class)
                .hasMessage("unknown task 'nope' (known: " + String.join(", ", Tasks.names()) + ")");
        assertThatThrownBy(() -> Tasks.load("../seeds/parallel")).isInstanceOf(UserError.class).hasMessageStartingWith("unknown task");
        assertThatThrownBy(() -> Tasks.load("_generic")).isInstanceOf(UserError.class).hasMessageStartingWith("unknown task '_generic'");
    }

    @Test
    void malformedJsonNamesTheFileLineAndColumn(@TempDir Path seeds) throws IOException {
        Path f = task(seeds, "bad", "{\n  \"name\": \"bad\",\n  \"data\": \"x.csv\"\n  \"targets\": [\"loss\"]\n}\n");
        assertThatThrownBy(() -> Tasks.load(seeds, "bad")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(f + ":4:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownKeysAndWrongTypesAreErrorsAtTheirPlace(@TempDir Path seeds) throws IOException {
        Path f = task(seeds, "t", json("\"max_param\": 4"));
        assertThatThrownBy(() -> Tasks.load(seeds, "t")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(f + ":7:")
                .hasMessageContaining("unknown key \"max_param\"").hasMessageContaining("max_params");
        Path g = task(seeds, "u", json("\"max_params\": \"four\"").replace("\"name\": \"t\"", "\"name\": \"u\""));
        assertThatThrownBy(() -> Tasks.load(seeds, "u")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(g + ":7:").hasMessageContaining("\"max_params\": expected a whole number");
        task(seeds, "v", json("\"max_params\": 4.5").replace("\"name\": \"t\"", "\"name\": \"v\""));
        assertThatThrownBy(() -> Tasks.load(seeds, "v")).isInstanceOf(UserError.class).hasMessageContaining("max_params");
        Path w = task(seeds, "w", "{\"name\": \"w\", \"data\": \"x.csv\",\n \"targets\": \"loss\", \"features\": [\"n\"]}");
        assertThatThrownBy(() -> Tasks.load(seeds, "w")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(w + ":2:").hasMessageContaining("\"targets\": expected a list of strings");
        Path d = task(seeds, "d", json("\"targets\": [\"y\"]").replace("\"name\": \"t\"", "\"name\": \"d\""));
        assertThatThrownBy(() -> Tasks.load(seeds, "d")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(d + ":7:").hasMessageContaining("Duplicate field 'targets'");
        task(seeds, "x", json("\"reference\": {\"best_r2\": 0.9}").replace("\"name\": \"t\"", "\"name\": \"x\""));
        assertThatThrownBy(() -> Tasks.load(seeds, "x")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(seeds.resolve("x/task.json") + ":7:")
                .hasMessageContaining("unknown key \"reference.best_r2\"").hasMessageContaining("best_published_r2");
    }

    @Test
    void whatJsonCannotSayIsCheckedToo(@TempDir Path seeds) throws IOException {
        Path f = task(seeds, "t", "{\"name\": \"other\", \"data\": \"x.csv\", \"targets\": [\"loss\"], \"features\": [\"n\"],"
                + " \"aliases\": {\"N\": \"num_params\"}, \"scale\": [\"tokens\"], \"max_params\": 0}");
        assertThatThrownBy(() -> Tasks.load(seeds, "t")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("\"name\" must be the folder's name, \"t\"")
                .hasMessageContaining("alias \"N\" names \"num_params\", which is not one of the features")
                .hasMessageContaining("\"scale\" names \"tokens\"")
                .hasMessageContaining("\"max_params\" is 0");
        task(seeds, "u", "{\"name\": \"u\", \"targets\": [\"loss\"], \"features\": [\"loss\"]}");
        assertThatThrownBy(() -> Tasks.load(seeds, "u")).isInstanceOf(UserError.class)
                .hasMessageContaining("\"data\" is missing").hasMessageContaining("\"loss\" is both a target and a feature");
    }

    @Test
    void aTaskMayNarrowOrWidenTheGrammar(@TempDir Path seeds) throws IOException {
        task(seeds, "g", json("\"grammar\": {\"functions\": [\"log\", \"tanh\"], \"max_terms\": 6, \"max_log_nesting\": 2}")
                .replace("\"name\": \"t\"", "\"name\": \"g\""));
        TaskSpec t = Tasks.load(seeds, "g");
        lawsearch.grammar.operators.Grammar g = t.grammar().applyTo(lawsearch.grammar.operators.Grammar.builder(List.of("n"))).build();
        assertThat(g.functions()).containsExactlyInAnyOrder(lawsearch.grammar.core.Fn.NEG, lawsearch.grammar.core.Fn.LOG,
                lawsearch.grammar.core.Fn.TANH);
        assertThat(g.maxTerms()).isEqualTo(6);
        assertThat(g.maxLogNesting()).isEqualTo(2);
        task(seeds, "h", json("\"grammar\": {\"functions\": [\"sin\"], \"operators\": [\"+\", \"^\"]}")
                .replace("\"name\": \"t\"", "\"name\": \"h\""));
        assertThatThrownBy(() -> Tasks.load(seeds, "h")).isInstanceOf(UserError.class)
                .hasMessageContaining("unknown function \"sin\"").hasMessageContaining("must keep + and *")
                .hasMessageNotContaining("\n");
        task(seeds, "k", json("\"grammar\": {\"max_size\": 30, \"max_sise\": 3}").replace("\"name\": \"t\"", "\"name\": \"k\""));
        assertThatThrownBy(() -> Tasks.load(seeds, "k")).isInstanceOf(UserError.class)
                .hasMessageStartingWith(seeds.resolve("k/task.json") + ":7:")
                .hasMessageContaining("unknown key \"grammar.max_sise\"");
    }

    @Test
    void aMinimalTaskLoadsWithDefaults(@TempDir Path seeds) throws IOException {
        task(seeds, "mini", "{\"name\": \"mini\", \"data\": \"runs.csv\", \"targets\": [\"loss\"], \"features\": [\"n\"]}");
        TaskSpec t = Tasks.load(seeds, "mini");
        assertThat(t.aliases()).isEmpty();
        assertThat(t.scale()).as("left out: the search guesses").isNull();
        assertThat(t.maxParams()).isNull();
        assertThat(t.reference()).isNull();
        assertThat(Tasks.names(seeds)).containsExactly("mini");
    }

    @Test
    void theSeedsFolderCanBeGivenAsAProperty(@TempDir Path seeds) throws IOException {
        task(seeds, "mini", "{\"name\": \"mini\", \"data\": \"runs.csv\", \"targets\": [\"loss\"], \"features\": [\"n\"]}");
        String before = System.getProperty(Tasks.SEEDS_PROPERTY);
        try {
            System.setProperty(Tasks.SEEDS_PROPERTY, seeds.toString());
            assertThat(Tasks.seedsDir()).isEqualTo(seeds);
            assertThat(Tasks.names()).containsExactly("mini");
            System.setProperty(Tasks.SEEDS_PROPERTY, seeds.resolve("missing").toString());
            assertThatThrownBy(Tasks::seedsDir).isInstanceOf(UserError.class).hasMessageContaining("not a folder");
        } finally {
            if (before == null) {
                System.clearProperty(Tasks.SEEDS_PROPERTY);
            } else {
                System.setProperty(Tasks.SEEDS_PROPERTY, before);
            }
        }
        assertThat(Tasks.seedsDir().resolve("parallel/task.json")).isRegularFile();
    }

    /** A valid task "t" with one more key on line 7. */
    private static String json(String extra) {
        return "{\n  \"name\": \"t\",\n  \"data\": \"x.csv\",\n  \"targets\": [\"loss\"],\n  \"features\": [\"n\"],\n  \"aliases\": {},\n  "
                + extra + "\n}\n";
    }

    private static Path task(Path seeds, String name, String json) throws IOException {
        Path dir = Files.createDirectories(seeds.resolve(name));
        return Files.writeString(dir.resolve("task.json"), json);
    }
}
