package lawsearch.engine.use;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.run.FitFile;

/**
 * How far a point lies outside the train rows, per column out of range: the side, the distance
 * beyond the edge and, for a column whose train values are all positive, the factor beyond it (10:
 * ten times the largest train value; below the range, the smallest value over the point's). A
 * prediction's interval is built from the train rows; the farther out, the less it is worth.
 */
public record Extrapolation(@JsonProperty("side") String side,
                            @JsonProperty("distance") double distance,
                            @JsonProperty("factor") Double factor) {

    /** Column → how far out, for the columns of {@code point} outside {@code ranges} (empty: inside). */
    public static Map<String, Extrapolation> of(Map<String, Double> point, Map<String, FitFile.Range> ranges) {
        Map<String, Extrapolation> out = new LinkedHashMap<>();
        point.forEach((c, v) -> {
            FitFile.Range r = ranges.get(c);
            if (r == null) {
                return;
            }
            boolean positive = r.min() > 0 && v > 0;
            if (v > r.max()) {
                out.put(c, new Extrapolation("above", v - r.max(), positive ? v / r.max() : null));
            } else if (v < r.min()) {
                out.put(c, new Extrapolation("below", r.min() - v, positive ? r.min() / v : null));
            }
        });
        return out;
    }

    /** For a table: {@code params ×10 above}, {@code lr 0.002 below}. */
    public String describe(String column) {
        String how = factor != null ? String.format("×%.3g", factor) : String.format("%.3g", distance);
        return column + " " + how + " " + side;
    }
}
