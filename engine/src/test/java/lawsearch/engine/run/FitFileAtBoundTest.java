package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.CsvLoader;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.LoadOptions;
import lawsearch.evaluator.fit.FitOptions;
import lawsearch.evaluator.protocol.AtBound;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;

/** fit.json says which constants the fit left on a bound; files written before it read as saying nothing. */
class FitFileAtBoundTest {
    @TempDir Path dir;

    @Test
    void aConstantTheRowsPushPastItsBoundIsRecorded() throws Exception {
        StringBuilder csv = new StringBuilder("group,split,x,y\n");
        for (int i = 1; i <= 12; i++) {   // y = 10/x^2, fitted with an exponent allowed up to 1
            csv.append("all,").append(i > 10 ? "test" : "train").append(',').append(i).append(',').append(10.0 / (i * i)).append('\n');
        }
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, csv);
        Dataset data = CsvLoader.load(file, new LoadOptions(List.of("y"), List.of(), null, Map.of()));
        Law law = LawFile.parse("# EVOLVE-BLOCK-START\nlaw: A/x^alpha\nbounds: alpha in [0, 1]\n# EVOLVE-BLOCK-END\n", "t.law",
                data.variableNames()).law();
        Evaluation ev = Evaluation.of(law, data, FitOptions.DEFAULT, ForkJoinPool.commonPool());
        FitFile fit = FitFile.of(ev, Double.NaN, List.of("x"), data, null);
        assertThat(fit.atBound()).containsExactly(new AtBound("alpha", 1, "alpha in [0, 1]", List.of("all"), 1));

        fit.write(dir);
        assertThat(FitFile.read(dir).atBound()).isEqualTo(fit.atBound());
        String older = Files.readString(dir.resolve(FitFile.FILE)).replaceAll(",\\s*\"at_bound\"\\s*:\\s*\\[[^\\]]*\\{[^}]*\\}\\s*\\]", "");
        assertThat(older).doesNotContain("at_bound");
        Files.writeString(dir.resolve(FitFile.FILE), older);
        assertThat(FitFile.read(dir).atBound()).isNull();
    }
}
