package lawsearch.engine.run;

import lawsearch.engine.io.AtomicFiles;
import lawsearch.engine.io.Json;

import java.nio.file.Path;
import java.util.List;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.protocol.AtBound;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.parser.LawFile;

/**
 * The files of a run directory, each written atomically: best.law (EVOLVE-BLOCK format with the
 * fitted constants in its header), pareto.json, history.jsonl and result.json. result.json is
 * written last and only for a finished run.
 */
public final class RunFiles {
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
        for (AtBound b : AtBound.of(ev.fitted())) {
            h.append("# at a bound (the bound, not the rows, set it): ").append(b.describe()).append('\n');
        }
        AtomicFiles.write(dir.resolve("best.law"), LawFileWriter.write(new LawFile(h.toString(), ev.law(), "")));
    }

    /** pareto.json: the front, each law marked sound or not by {@code shape} (unmarked when the checks are off). */
    public static void writePareto(Path dir, List<Score> front, ShapeGate shape) {
        AtomicFiles.write(dir.resolve("pareto.json"), Json.write(front.stream()
                .map(s -> ParetoRow.of(s, shape == null || shape.off() ? null : ShapeChecks.of(shape.verdict(s.law())))).toList()) + "\n");
    }

    /** pareto.json read back (empty when the run has none yet); rows written before the checks have {@code shape} null. */
    public static List<ParetoRow> readPareto(Path dir) {
        return Json.readIfPresent(dir.resolve("pareto.json"), ParetoRow[].class).map(List::of).orElse(List.of());
    }

    public static void writeHistory(Path dir, List<Generation> history) {
        StringBuilder sb = new StringBuilder();
        for (Generation g : history) {
            sb.append(Json.line(HistoryLine.of(g))).append('\n');
        }
        AtomicFiles.write(dir.resolve("history.jsonl"), sb.toString());
    }

    /**
     * An undefined value (NaN, ±∞) as null. {@link Json} already writes such numbers as null; this
     * is for values kept in maps or records that callers also read (null: there is none).
     */
    static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    /** One line of JSON (run.log). */
    static String line(Object o) {
        return Json.line(o);
    }
}
