package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.DemoData;
import lawsearch.evaluator.data.Group;

/** The search's row sample: each group its share, file order kept, the same rows every time. */
class RowSampleTest {
    private final Dataset train = DemoData.generate(0).withoutTest();

    @Test
    void aSweepWithinTheLimitIsSearchedWhole() {
        assertThat(RowSample.of(train, train.trainRows())).isSameAs(train);
        assertThat(RowSample.of(train, 0)).isSameAs(train);
        assertThat(RowSample.applies(train.trainRows(), train.trainRows())).isFalse();
        assertThat(RowSample.applies(train.trainRows() + 1, train.trainRows())).isTrue();
    }

    @Test
    void eachGroupKeepsItsShareOfDistinctRowsInFileOrder() {
        Dataset sample = RowSample.of(train, 100);
        assertThat(sample.trainRows()).isBetween(99, 101);
        assertThat(sample.features()).isEqualTo(train.features());
        for (int i = 0; i < train.groups().size(); i++) {
            Group full = train.groups().get(i);
            Group part = sample.groups().get(i);
            assertThat(part.name()).isEqualTo(full.name());
            assertThat(part.train().size()).isEqualTo(Math.round((double) full.train().size() * 100 / train.trainRows()));
            int[] at = positions(full, part);
            assertThat(at).as("rows of the group, each once, in file order").isSorted().doesNotHaveDuplicates()
                    .doesNotContain(-1);
        }
    }

    @Test
    void aSmallGroupKeepsEnoughRowsToPinItsConstants() {
        Group big = train.groups().get(0);
        Group small = new Group("small", big.train().select(firstRows(big.train().size(), 30)), big.test());
        Dataset uneven = new Dataset(train.source(), train.features(), train.targets(), List.of(big, small), train.aliases());
        Dataset sample = RowSample.of(uneven, 100);
        assertThat(sample.groups().get(1).train().size()).as("all 30 rows: fewer than the least a group keeps").isEqualTo(30);
        assertThat(sample.groups().get(0).train().size()).isEqualTo(Math.max(RowSample.MIN_GROUP_ROWS, Math.round(100.0 * 100 / 130)));
    }

    private static boolean[] firstRows(int size, int k) {
        boolean[] keep = new boolean[size];
        Arrays.fill(keep, 0, k, true);
        return keep;
    }

    @Test
    void theSampleIsTheSameEveryTime() {
        Dataset a = RowSample.of(train, 120);
        Dataset b = RowSample.of(train, 120);
        for (int i = 0; i < a.groups().size(); i++) {
            assertThat(positions(train.groups().get(i), a.groups().get(i)))
                    .isEqualTo(positions(train.groups().get(i), b.groups().get(i)));
        }
    }

    /** Where each sampled row sits in the full group (matched on every column), -1 when nowhere. */
    private static int[] positions(Group full, Group part) {
        int[] out = new int[part.train().size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = -1;
            for (int q = 0; q < full.train().size() && out[r] < 0; q++) {
                int row = r;
                int other = q;
                boolean same = full.train().columns().keySet().stream()
                        .allMatch(c -> full.train().column(c)[other] == part.train().column(c)[row]);
                out[r] = same ? q : -1;
            }
        }
        return out;
    }
}
