package lawsearch.grammar.core;

/**
 * The closed range a parameter may take. Either end may be infinite. An empty interval
 * ({@code lo > hi}) cannot be built: callers report it as a user error before this point.
 */
public record Interval(double lo, double hi) {

    public static final Interval FREE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Interval {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    public boolean contains(double v) { return v >= lo && v <= hi; }

    public boolean isFree() { return lo == Double.NEGATIVE_INFINITY && hi == Double.POSITIVE_INFINITY; }

    public boolean hasLower() { return lo != Double.NEGATIVE_INFINITY; }

    public boolean hasUpper() { return hi != Double.POSITIVE_INFINITY; }

    public double clamp(double v) { return Math.max(lo, Math.min(hi, v)); }

    /**
     * The finite end {@code v} sits on, or NaN: within a millionth of the span of a two-sided
     * interval, within 1e-8 (times the end's size, when above 1) of a one-sided interval's end; of a
     * positive interval spanning decades, within a millionth of its span in log (B = 1e-51 of
     * [1e-66, 0.68], a break point's readable rewrite, had read as on its lower end). The
     * fitter maps its coordinates into the interval smoothly and never quite reaches an end, so a
     * constant that the rows would push past its bound stops this close to it. A fixed value
     * ({@code lo == hi}) sits on no end: it was set, not stopped.
     */
    public double endAt(double v) {
        if (lo == hi || Double.isNaN(v)) {
            return Double.NaN;
        }
        if (lo > 0 && hi / lo > 100) {   // spanning decades: a millionth of the span in log, as the starts spread over it
            double near = 1e-6 * Math.log(hi / lo);
            if (v > 0 && Math.abs(Math.log(v / lo)) <= near) {
                return lo;
            }
            return v > 0 && Math.abs(Math.log(hi / v)) <= near ? hi : Double.NaN;
        }
        if (hasLower() && Math.abs(v - lo) <= nearEnd(lo)) {
            return lo;
        }
        if (hasUpper() && Math.abs(v - hi) <= nearEnd(hi)) {
            return hi;
        }
        return Double.NaN;
    }

    private double nearEnd(double end) {
        return hasLower() && hasUpper() ? 1e-6 * (hi - lo) : 1e-8 * Math.max(1, Math.abs(end));
    }

    /** The intersection; throws IllegalArgumentException when it is empty. */
    public Interval and(Interval o) { return new Interval(Math.max(lo, o.lo), Math.min(hi, o.hi)); }
}
