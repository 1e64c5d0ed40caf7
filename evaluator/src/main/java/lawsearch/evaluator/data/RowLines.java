package lawsearch.evaluator.data;

import java.util.Map;

/**
 * The file line of every row of a CSV the loader read, by group and side of the split, in the
 * order of the group's frames: a command that finds a bad value in a loaded row (frontier's
 * compute) can name the line it came from, as the loader names its own errors.
 */
public record RowLines(Map<String, long[]> train, Map<String, long[]> test) {

    public RowLines {
        train = Map.copyOf(train);
        test = Map.copyOf(test);
    }

    /** The line of row {@code row} of {@code group}'s train or test frame. */
    public long of(String group, boolean isTest, int row) {
        return (isTest ? test : train).get(group)[row];
    }
}
