package lawsearch.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;

/**
 * Test rows y = 10/x^p (p per group, x = 1, 2, …) fitted by {@code A/x^alpha} with alpha in [0, 1]:
 * wherever p is above 1 the rows push the exponent onto its bound, so the fit has a constant at a bound.
 */
public final class BoundedPowerFit {
    private BoundedPowerFit() { }

    /** The rows, written to {@code dir/rows.csv} and read back: {@code rows} per group, those past {@code train} marked test. */
    public static Dataset rows(Path dir, Map<String, Double> exponents, int rows, int train) throws IOException {
        StringBuilder csv = new StringBuilder("group,split,x,y\n");
        exponents.forEach((g, p) -> {
            for (int i = 1; i <= rows; i++) {
                csv.append(g).append(',').append(i > train ? "test" : "train").append(',').append(i).append(',')
                        .append(10 / Math.pow(i, p)).append('\n');
            }
        });
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, csv);
        return CsvLoader.load(file, new LoadOptions(List.of("y"), List.of(), null, Map.of()));
    }

    /** {@code A/x^alpha}, alpha in [0, 1], fitted on {@code data}'s train rows per group. */
    public static Evaluation fit(Dataset data) {
        Law law = LawFile.parse("# EVOLVE-BLOCK-START\nlaw: A/x^alpha\nbounds: alpha in [0, 1]\n# EVOLVE-BLOCK-END\n", "t.law",
                data.variableNames()).law();
        return Evaluation.of(law, data, FitOptions.DEFAULT, ForkJoinPool.commonPool());
    }
}
