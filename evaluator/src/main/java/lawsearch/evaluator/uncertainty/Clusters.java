package lawsearch.evaluator.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.data.Frame;

/**
 * The configurations of one group's rows: rows that share every feature value are one cluster (the
 * repeats of a sweep point, seeds of the same run). A bootstrap that drew repeats one by one would
 * treat their agreement as independent evidence and give intervals too narrow; drawing whole
 * clusters keeps each configuration's repeats together. Without repeats every row is its own cluster.
 */
public final class Clusters {
    private Clusters() { }

    /** Per cluster, in order of first appearance, the indices of its rows. */
    public static List<int[]> of(Frame rows, List<String> features) {
        Map<List<Double>, List<Integer>> byKey = new LinkedHashMap<>();
        List<double[]> cols = features.stream().map(rows::column).toList();
        for (int i = 0; i < rows.size(); i++) {
            List<Double> key = new ArrayList<>(cols.size());
            for (double[] c : cols) {
                key.add(c[i]);
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>(byKey.size());
        byKey.values().forEach(l -> out.add(l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /** How many clusters each group's train rows form. */
    public static Map<String, Integer> counts(Dataset data) {
        Map<String, Integer> out = new LinkedHashMap<>();
        data.groups().forEach(g -> out.put(g.name(), of(g.train(), data.features()).size()));
        return out;
    }

}
