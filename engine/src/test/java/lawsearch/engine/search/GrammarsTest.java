package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;

class GrammarsTest {

    /** A column of one value on every train row (a sequence length held fixed) is not drawn from; it varying only on test rows does not count. */
    @Test
    void aFeatureOfOneValueIsNotDrawnFrom() {
        Dataset d = data(new double[] {2048, 2048, 2048, 2048}, new double[] {4096});
        assertThat(Grammars.fixedFeatures(d)).containsExactly("seq_len");
        assertThat(Grammars.forData(d, null, List.of("params")).variables()).containsExactly("params");
        assertThat(Grammars.forData(d.withoutTest(), null, List.of("params")).variables()).containsExactly("params");
    }

    @Test
    void aFeatureThatVariesIsDrawnFrom() {
        Dataset d = data(new double[] {2048, 2048, 4096, 2048}, new double[] {2048});
        assertThat(Grammars.fixedFeatures(d)).isEmpty();
        assertThat(Grammars.forData(d, null, List.of("params")).variables()).containsExactly("params", "seq_len");
    }

    /** Without a task's cap, at most 12 constants, and fewer than the largest group's train rows: more would fit every row. */
    @Test
    void withoutACapFewerConstantsThanTrainRows() {
        Dataset four = data(new double[] {2048, 2048, 2048, 2048}, new double[] {4096});
        assertThat(Grammars.forData(four, null, List.of("params")).maxParams()).isEqualTo(3);
        assertThat(Grammars.forData(four, 8, List.of("params")).maxParams()).isEqualTo(8);   // a cap stated is kept
        Dataset many = DemoData.generate(0);
        assertThat(Grammars.forData(many, null, List.of("params", "tokens")).maxParams()).isEqualTo(Grammars.UNCAPPED);
    }

    private static Dataset data(double[] seqLen, double[] testSeqLen) {
        Frame train = new Frame(4, Map.of("params", new double[] {1e8, 2e8, 4e8, 8e8}, "seq_len", seqLen,
                "loss", new double[] {3.0, 2.8, 2.7, 2.6}));
        Frame test = new Frame(1, Map.of("params", new double[] {1.6e9}, "seq_len", testSeqLen, "loss", new double[] {2.5}));
        return new Dataset("t", List.of("params", "seq_len"), List.of("loss"), List.of(new Group("all", train, test)), Map.of());
    }
}
