package lawsearch.evaluator.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;

/**
 * What a law is fitted on and judged by (cf. Operon's {@code Problem} with its ranges): a dataset
 * and, per group, the rows to fit on and the rows to score on. A group's rows are numbered train
 * rows first, then test rows, so the final evaluation (fit train, score test) and a validation fold
 * (fit part of train, score the rest of train) are the same kind of thing. Scoring a fold reads no
 * test row because the search's dataset has none ({@link Dataset#withoutTest()}).
 */
public final class Problem {
    /**
     * One group's side of the problem: row indices into the group's rows and those rows,
     * materialised once (the layout the fitter evaluates over).
     */
    public record Part(Group group, int[] fitRows, int[] scoreRows, Frame fit, Frame score) { }

    private final Dataset data;
    private final List<Part> parts;

    private Problem(Dataset data, List<Part> parts) {
        this.data = data;
        this.parts = List.copyOf(parts);
    }

    /** SLDBench's protocol: fit every group's train rows, score its test rows. */
    public static Problem trainTest(Dataset data) {
        List<Part> parts = new ArrayList<>();
        for (Group g : data.groups()) {
            int n = g.train().size();
            parts.add(new Part(g, range(0, n), range(n, n + g.test().size()), g.train(), g.test()));
        }
        return new Problem(data, parts);
    }

    /**
     * A validation fold of {@code train} (which must hold no test rows): per group, the train rows
     * {@code heldOut} marks are scored, the rest fitted on.
     */
    public static Problem holdOut(Dataset train, Function<Group, boolean[]> heldOut) {
        if (train.hasTest()) {
            throw new IllegalArgumentException("a validation fold must not be handed test rows");
        }
        List<Part> parts = new ArrayList<>();
        for (Group g : train.groups()) {
            boolean[] val = heldOut.apply(g);
            boolean[] keep = new boolean[val.length];
            for (int i = 0; i < val.length; i++) {
                keep[i] = !val[i];
            }
            parts.add(new Part(g, indices(keep), indices(val), g.train().select(keep), g.train().select(val)));
        }
        return new Problem(train, parts);
    }

    public Dataset data() { return data; }

    public List<Part> parts() { return parts; }

    public List<String> targets() { return data.targets(); }

    /** Rows scored, over all groups. */
    public int scoreRows() { return parts.stream().mapToInt(p -> p.score().size()).sum(); }

    /** Rows fitted on, over all groups. */
    public int fitRows() { return parts.stream().mapToInt(p -> p.fit().size()).sum(); }

    private static int[] range(int from, int to) { return IntStream.range(from, to).toArray(); }

    private static int[] indices(boolean[] mask) {
        return IntStream.range(0, mask.length).filter(i -> mask[i]).toArray();
    }
}
