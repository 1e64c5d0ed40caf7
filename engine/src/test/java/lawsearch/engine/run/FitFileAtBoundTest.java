package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.evaluator.Evaluation;
import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.AtBound;

/** fit.json says which constants the fit left on a bound; files written before it read as saying nothing. */
class FitFileAtBoundTest {
    @TempDir Path dir;

    @Test
    void aConstantTheRowsPushPastItsBoundIsRecorded() throws Exception {
        Dataset data = BoundedPowerFit.rows(dir, Map.of("all", 2.0), 12, 10);   // y = 10/x^2 against an exponent up to 1
        Evaluation ev = BoundedPowerFit.fit(data);
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
