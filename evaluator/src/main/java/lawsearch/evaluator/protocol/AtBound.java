package lawsearch.evaluator.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.formatter.Printer;

/**
 * A fitted constant that its bound, not the rows, stopped: on data_constrained the search's
 * {@code A/log(params)^alpha} leaves alpha at 3.9999999 of [-4, 4], Porian's Kaplan-style template
 * its inner exponent at 3 of [0, 3]. Its value is then the bound's, not an estimate, and a law that
 * needs it is another law than the one written (the rows would take the constant further, or, for
 * an amplitude or shift at 0, drop its term). Said wherever the reported constants are shown, so a
 * researcher reads such a value for what it is.
 *
 * @param name   the constant
 * @param bound  the end it sits on
 * @param bounds its interval as the law file writes it ({@code alpha in [-4, 4]})
 * @param fits   the fits where it does: group names, or {@code group: target} with several targets
 * @param of     how many fits the law has (groups × targets) that reached constants
 */
public record AtBound(@JsonProperty("name") String name,
                      @JsonProperty("bound") double bound,
                      @JsonProperty("bounds") String bounds,
                      @JsonProperty("fits") List<String> fits,
                      @JsonProperty("of") int of) {

    public AtBound {
        fits = List.copyOf(fits);
    }

    /** The constants of {@code f} on an end of their bounds (see {@link Interval#endAt}), one entry per constant and end, in law order. */
    public static List<AtBound> of(FittedLaw f) {
        Map<String, double[]> fitted = new LinkedHashMap<>();   // "group" or "group: target" → constants, fits that reached some
        boolean multi = f.targets().size() > 1;
        for (String g : f.groups()) {
            for (String t : f.targets()) {
                double[] values = f.params(g, t);
                if (values != null) {
                    fitted.put(multi ? g + ": " + t : g, values);
                }
            }
        }
        List<AtBound> out = new ArrayList<>();
        List<String> names = f.parameters();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Interval interval = f.law().bounds().of(name);
            Map<Double, List<String>> byEnd = new TreeMap<>();
            for (Map.Entry<String, double[]> e : fitted.entrySet()) {
                double end = interval.endAt(e.getValue()[i]);
                if (!Double.isNaN(end)) {
                    byEnd.computeIfAbsent(end, x -> new ArrayList<>()).add(e.getKey());
                }
            }
            String clause = Printer.printBounds(Bounds.NONE.with(name, interval));
            byEnd.forEach((end, fits) -> out.add(new AtBound(name, end, clause, fits, fitted.size())));
        }
        return out;
    }

    /**
     * In words, e.g. "alpha = 4 (bounds: alpha in [-4, 4])" for a single fit, "…, in all 2 fits" or
     * "c1 = 0 (bounds: c1 >= 0), in 4 of 13 fits (a, b, c, …)"; a fit is one group's (and target's) constants.
     */
    public String describe() {
        String in = of == 1 ? "" : fits.size() == of ? ", in all " + of + " fits"
                : String.format(Locale.ROOT, ", in %d of %d fits (%s)", fits.size(), of, shortList(fits));
        return name + " = " + Printer.number(bound) + " (bounds: " + bounds + ")" + in;
    }

    private static String shortList(List<String> items) {
        return items.size() <= 3 ? String.join(", ", items) : String.join(", ", items.subList(0, 3)) + ", …";
    }
}
