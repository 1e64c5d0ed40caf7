package lawsearch.evaluator.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.interpreter.TreeEvaluator;
import lawsearch.grammar.parser.LawParser;

class DemoDataTest {
    @TempDir Path dir;

    @Test
    void deterministicForASeedAndDifferentAcrossSeeds() {
        Dataset a = DemoData.generate(3);
        assertThat(a.groups()).isEqualTo(DemoData.generate(3).groups());
        assertThat(a.groups()).isNotEqualTo(DemoData.generate(4).groups());
    }

    @Test
    void shapeGroupsAndNames() {
        Dataset d = DemoData.generate(0);
        assertThat(d.groups()).extracting(Group::name).containsExactlyElementsOf(DemoData.CONSTANTS.keySet());
        assertThat(d.features()).containsExactly("params", "tokens");
        assertThat(d.targets()).containsExactly("loss");
        assertThat(d.resolve("N")).isEqualTo("params");
        assertThat(d.resolve("D")).isEqualTo("tokens");
        assertThat(DemoData.PARAMS.get(0)).isEqualTo(1e7);
        assertThat(DemoData.PARAMS.get(12)).isCloseTo(3e9, within(1.0));
        assertThat(DemoData.TOKENS.get(9)).isCloseTo(1e11, within(1.0));
        for (Group g : d.groups()) {
            assertThat(g.train().size()).isEqualTo(100);
            assertThat(g.test().size()).isEqualTo(30);
        }
    }

    @Test
    void testRowsAreTheLargestModels() {
        for (Group g : DemoData.generate(3).groups()) {
            assertThat(Arrays.stream(g.test().column("params")).min().orElseThrow()).isGreaterThanOrEqualTo(DemoData.TEST_PARAMS);
            assertThat(Arrays.stream(g.train().column("params")).max().orElseThrow()).isLessThan(DemoData.TEST_PARAMS);
        }
    }

    /** The published law text, evaluated with each group's constants, is the data up to the noise. */
    @Test
    void lossIsTheLawTimesSmallNoise() {
        Expr law = LawParser.parse(DemoData.LAW, Set.of("params", "tokens"));
        for (Group g : DemoData.generate(7).groups()) {
            DemoData.Constants c = DemoData.CONSTANTS.get(g.name());
            for (Frame f : List.of(g.train(), g.test())) {
                for (int i = 0; i < f.size(); i++) {
                    double n = f.column("params")[i];
                    double d = f.column("tokens")[i];
                    double clean = TreeEvaluator.eval(law, v -> v.equals("params") ? n : d, p -> switch (p) {
                        case "E" -> c.e();
                        case "A" -> c.a();
                        case "alpha" -> c.alpha();
                        case "B" -> c.b();
                        default -> c.beta();
                    });
                    assertThat(clean).isCloseTo(c.loss(n, d), within(1e-12));
                    // 6 standard deviations: never exceeded by 126 draws in practice.
                    assertThat(f.column("loss")[i] / clean - 1).isBetween(-6 * DemoData.NOISE, 6 * DemoData.NOISE);
                }
            }
        }
    }

    @Test
    void writtenCsvRoundTripsThroughTheLoader() throws IOException {
        Dataset d = DemoData.generate(1);
        Path p = dir.resolve("demo.csv");
        DemoData.writeCsv(d, p);
        Dataset back = CsvLoader.load(p, LoadOptions.of(DemoData.TARGET));
        assertThat(back.groups()).isEqualTo(d.groups());     // bit for bit: doubles are written in full
        assertThat(back.features()).isEqualTo(d.features());
        assertThat(Files.readAllLines(p).get(0)).isEqualTo("group,split,params,tokens,loss");
        assertThat(DemoData.toCsv(d)).isEqualTo(Files.readString(p));
    }

    @Test
    void writeCsvReplacesAFileAndLeavesNoTemporaryFiles() throws IOException {
        Path p = dir.resolve("demo.csv");
        Files.writeString(p, "old");
        DemoData.writeCsv(DemoData.generate(2), p);
        assertThat(Files.readString(p)).startsWith("group,split,");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(p);
        }
    }

    @Test
    void writeCsvIntoAMissingFolderIsAUserError() {
        Path p = dir.resolve("missing/demo.csv");
        assertThatThrownBy(() -> DemoData.writeCsv(DemoData.generate(0), p))
                .isInstanceOf(DataException.class).hasMessageStartingWith(p + ": cannot write: ");
    }

    @Test
    void groupNamesThatNeedQuotingSurviveTheRoundTrip() throws IOException {
        Frame f = new Frame(1, Map.of("x", new double[] {0.1}, "y", new double[] {1e-300}));
        Dataset d = new Dataset("t", List.of("x"), List.of("y"), List.of(new Group("a,\"b\"", f, Frame.empty(List.of("x", "y")))), Map.of());
        Path p = dir.resolve("q.csv");
        DemoData.writeCsv(d, p);
        assertThat(CsvLoader.load(p, LoadOptions.of("y")).groups()).isEqualTo(d.groups());
    }
}
