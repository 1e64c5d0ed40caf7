package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import lawsearch.engine.io.Json;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.formatter.Printer;

/** history.jsonl and pareto.json keep their keys, key order and number formatting now that records write them. */
class RunFilesTest {
    static SearchState state;

    @TempDir Path dir;

    @BeforeAll
    static void search() {
        List<SearchState> states = Checkpoints.search(2, -1, null).states();
        state = states.get(states.size() - 1);
    }

    @Test
    void historyLinesKeepTheirKeysInOrder() throws IOException {
        List<Generation> history = new ArrayList<>(state.history());
        Generation g = history.get(0);
        history.set(0, new Generation(g.generation(), g.evaluations(), Double.NaN, Double.NEGATIVE_INFINITY, "", g.paretoSize(), g.elapsedSeconds()));
        RunFiles.writeHistory(dir, history);
        List<String> lines = Files.readAllLines(dir.resolve("history.jsonl"));
        assertThat(lines).hasSize(history.size());
        for (String line : lines) {
            assertThat(keys(Json.tree(line, "history.jsonl")))
                    .containsExactly("generation", "evaluations", "best_validation_r2", "best_fitness", "pareto_size", "seconds", "best_law");
        }
        assertThat(lines.get(0)).contains("\"best_validation_r2\":null,\"best_fitness\":null");
        StringBuilder legacy = new StringBuilder();
        for (Generation h : history) {
            legacy.append(new ObjectMapper().writeValueAsString(CheckpointFormatTest.legacyHistoryLine(h))).append('\n');
        }
        assertThat(Files.readString(dir.resolve("history.jsonl"))).isEqualTo(legacy.toString());
    }

    @Test
    void paretoRowsKeepTheirKeysInOrder() throws IOException {
        List<Score> front = state.scores().stream().filter(Score::hasLaw).limit(5).toList();   // laws a front can hold
        RunFiles.writePareto(dir, front, null);
        String text = Files.readString(dir.resolve("pareto.json"));
        for (JsonNode row : Json.tree(text, "pareto.json")) {
            assertThat(keys(row)).containsExactly("law", "bounds", "loss", "weight", "starts", "complexity", "n_params",
                    "validation_r2", "fitness", "shape");
        }
        assertThat(text).isEqualTo(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(front.stream().map(RunFilesTest::legacyRow).toList()) + "\n");
    }

    /** pareto.json's row as built before ParetoRow. */
    private static Map<String, Object> legacyRow(Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("law", Printer.print(s.law().expr()));
        m.put("bounds", Printer.printBounds(s.law().bounds()));
        m.put("loss", LawFileWriter.loss(s.law().fit().loss()));
        m.put("weight", LawFileWriter.weight(s.law().fit().weighting()));
        m.put("starts", s.law().fit().starts());
        m.put("complexity", s.complexity());
        m.put("n_params", s.parameters());
        m.put("validation_r2", s.validationR2());
        m.put("fitness", s.fitness());
        m.put("shape", null);   // added with the soundness checks; null when unchecked
        return m;
    }

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            k.add(it.next());
        }
        return k;
    }
}
