package lawsearch.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.simplify.Canonical;

/**
 * A search state as the JSON payload of a checkpoint file, and back. Laws are stored as law-file
 * blocks (law, bounds and fit settings round-trip exactly); on the way in each law's canonical hash
 * must equal the stored one, so a checkpoint from a lawsearch whose canonical form differs is
 * refused rather than resumed into a different search. Doubles round-trip exactly (Jackson writes
 * the shortest decimal that reads back to the same double).
 */
final class Checkpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() { }

    /** Why a checkpoint cannot be used: the one-line reason a user reads. */
    static final class Invalid extends Exception {
        Invalid(String reason) { super(reason); }
    }

    static String encode(SearchState s, long seed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", CheckpointStore.FORMAT);
        root.put("seed", seed);
        root.put("generation", s.generation());
        root.put("elapsed_seconds", s.elapsedSeconds());
        ArrayNode islands = root.putArray("islands");
        for (SearchState.IslandState is : s.islands()) {
            ObjectNode i = islands.addObject();
            i.put("generation", is.generation());
            ArrayNode pop = i.putArray("population");
            for (SearchState.Member m : is.population()) {
                pop.addObject().put("law", text(m.law())).put("born", m.born());
            }
        }
        ArrayNode scores = root.putArray("scores");
        for (Score sc : s.scores()) {
            scores.addObject().put("law", text(sc.law())).put("hash", sc.hash()).put("nmse", sc.validationNmse())
                    .put("complexity", sc.complexity()).put("parameters", sc.parameters()).put("fitness", sc.fitness());
        }
        ArrayNode history = root.putArray("history");
        s.history().forEach(g -> history.add(JSON.valueToTree(RunFiles.historyLine(g))));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SearchState decode(String payload, long seed, Set<String> variables) throws Invalid {
        try {
            JsonNode root = JSON.readTree(payload);
            if (root.path("seed").asLong() != seed) {
                throw new Invalid("written by a run with seed " + root.path("seed").asText() + ", not " + seed);
            }
            List<SearchState.IslandState> islands = new ArrayList<>();
            for (JsonNode i : need(root, "islands")) {
                List<SearchState.Member> pop = new ArrayList<>();
                for (JsonNode m : need(i, "population")) {
                    pop.add(new SearchState.Member(law(m, variables), need(m, "born").asLong()));
                }
                islands.add(new SearchState.IslandState(need(i, "generation").asLong(), pop));
            }
            List<Score> scores = new ArrayList<>();
            for (JsonNode sc : need(root, "scores")) {
                scores.add(score(sc, variables));
            }
            List<Generation> history = new ArrayList<>();
            for (JsonNode g : need(root, "history")) {
                history.add(generation(g));
            }
            return new SearchState(need(root, "generation").asLong(), need(root, "elapsed_seconds").asDouble(),
                    islands, scores, history);
        } catch (JsonProcessingException e) {
            throw new Invalid("not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Score score(JsonNode sc, Set<String> variables) throws Invalid {
        Law law = law(sc, variables);
        long hash = need(sc, "hash").asLong();
        if (Canonical.hash(law) != hash) {
            throw new Invalid("a law's canonical hash differs from the one saved (written by another lawsearch version?)");
        }
        return new Score(law, hash, need(sc, "nmse").asDouble(), need(sc, "complexity").asInt(),
                need(sc, "parameters").asInt(), need(sc, "fitness").asDouble());
    }

    private static Generation generation(JsonNode g) throws Invalid {
        return new Generation(need(g, "generation").asLong(), need(g, "evaluations").asInt(),
                orNaN(g.get("best_fitness")), orNaN(g.get("best_validation_r2")), need(g, "best_law").asText(),
                need(g, "pareto_size").asInt(), need(g, "seconds").asDouble());
    }

    private static double orNaN(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static String text(Law law) {
        return LawFileWriter.write(new LawFile("", law, ""));
    }

    private static Law law(JsonNode n, Set<String> variables) throws Invalid {
        try {
            return LawFile.parse(need(n, "law").asText(), "checkpoint law", variables).law();
        } catch (UserError e) {
            throw new Invalid("a saved law does not parse: " + e.getMessage());
        }
    }

    private static JsonNode need(JsonNode n, String field) throws Invalid {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new Invalid("missing '" + field + "'");
        }
        return v;
    }
}
