package lawsearch.engine.run;

import lawsearch.engine.io.AtomicFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.evaluator.Evaluation;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawFile;

/**
 * The files of a run directory, each written atomically: best.law (EVOLVE-BLOCK format with the
 * fitted constants in its header), pareto.json, history.jsonl and result.json. result.json is
 * written last and only for a finished run.
 */
public final class RunFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper LINE = new ObjectMapper();

    private RunFiles() { }

    public static void writeBest(Path dir, Score chosen, Evaluation ev, String task, long seed) {
        StringBuilder h = new StringBuilder();
        h.append("# Found by lawsearch discover (task ").append(task).append(", seed ").append(seed).append(")\n");
        h.append(String.format("# validation R² %.6f (largest train runs held out)%n", chosen.validationR2()));
        if (ev.test() != null) {
            h.append(String.format("# test R² %.6f, NMSE %.6g, NMAE %.6g (scored once, after the search)%n",
                    ev.test().r2(), ev.test().nmse(), ev.test().nmae()));
        }
        h.append("# fitted constants (refitted on all train rows):\n");
        ev.constants().forEach((g, c) -> h.append("#   ").append(g).append(": ").append(c).append('\n'));
        AtomicFiles.write(dir.resolve("best.law"), LawFileWriter.write(new LawFile(h.toString(), chosen.law(), "")));
    }

    public static void writePareto(Path dir, List<Score> front) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Score s : front) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("law", Printer.print(s.law().expr()));
            m.put("bounds", Printer.printBounds(s.law().bounds()));
            // The fit settings are part of a law (its EVOLVE-BLOCK): without them a front law could not be refitted as scored.
            m.put("loss", LawFileWriter.loss(s.law().fit().loss()));
            m.put("weight", LawFileWriter.weight(s.law().fit().weighting()));
            m.put("starts", s.law().fit().starts());
            m.put("complexity", s.complexity());
            m.put("n_params", s.parameters());
            m.put("validation_r2", s.validationR2());
            m.put("fitness", s.fitness());
            rows.add(m);
        }
        AtomicFiles.write(dir.resolve("pareto.json"), json(rows) + "\n");
    }

    public static void writeHistory(Path dir, List<Generation> history) {
        StringBuilder sb = new StringBuilder();
        for (Generation g : history) {
            sb.append(line(historyLine(g))).append('\n');
        }
        AtomicFiles.write(dir.resolve("history.jsonl"), sb.toString());
    }

    static Map<String, Object> historyLine(Generation g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", g.generation());
        m.put("evaluations", g.evaluations());
        m.put("best_validation_r2", finite(g.bestValidationR2()));
        m.put("best_fitness", finite(g.bestFitness()));
        m.put("pareto_size", g.paretoSize());
        m.put("seconds", g.elapsedSeconds());
        m.put("best_law", g.bestLaw());
        return m;
    }

    public static void writeResult(Path dir, Map<String, Object> result) {
        AtomicFiles.write(dir.resolve("result.json"), json(result) + "\n");
    }

    /** JSON has no NaN or infinity: those become null. */
    static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    /** One line of JSON (history.jsonl, run.log). */
    static String line(Object o) {
        try {
            return LINE.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
