package lawsearch.engine.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import lawsearch.engine.use.IntervalsFile;
import lawsearch.engine.use.Points;
import lawsearch.engine.use.Predictor;
import lawsearch.evaluator.data.Frame;
import lawsearch.evaluator.data.Group;
import lawsearch.grammar.core.UserError;

/**
 * A run's plots as inline SVG (JFreeChart drawn onto JFreeSVG): predicted against actual with
 * train and test apart, residuals against each scale variable, and the law's curve along its main
 * scale variable through the test points, and that curve with its prediction interval out to ten
 * times the train rows (from intervals.json). {@code idPrefix} keeps each SVG's clip-path ids unique
 * within a page.
 */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");   // servers and CI have no display
    }

    private static final int W = 560;
    private static final int H = 380;
    private static final int MAX_CURVE_GROUPS = 6;
    static final int MAX_POINTS = 400;
    private static final Color TRAIN = new Color(0x0969da);
    private static final Color TEST = new Color(0xd4560c);

    private final FittedRun run;
    private final String idPrefix;
    private int count;

    public Plots(FittedRun run, String idPrefix) {
        this.run = run;
        this.idPrefix = idPrefix;
    }

    /** Every plot of the run: per target, predicted vs actual, residuals per scale variable, the curve. */
    public List<String> all(List<String> scaleVariables) {
        List<String> out = new ArrayList<>();
        Predictor predictor = predictor();
        for (String t : run.data().targets()) {
            String suffix = run.data().targets().size() > 1 ? " (" + t + ")" : "";
            out.add(predictedVsActual(t, suffix));
            for (String v : scaleVariables) {
                out.add(residuals(t, v, suffix));
            }
            if (!scaleVariables.isEmpty()) {
                out.add(curve(t, scaleVariables.get(0), suffix));
                String b = predictor == null ? null : band(t, scaleVariables.get(0), suffix, predictor);
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    /** The run's intervals for the band plot; null for a run without a readable intervals.json (made before predict existed). */
    private Predictor predictor() {
        if (!Files.isRegularFile(run.run().dir().resolve(IntervalsFile.FILE))) {
            return null;
        }
        try {
            return new Predictor(run, IntervalsFile.read(run.run().dir(), run.law().parameters()));
        } catch (UserError e) {
            return null;
        }
    }

    private double[] predict(Group g, Frame f, String target) {
        return run.fitted().predict(g.name(), target, f);
    }

    String predictedVsActual(String target, String suffix) {
        XYSeries train = new XYSeries("train", false, true);
        XYSeries test = new XYSeries("test", false, true);
        for (Group g : run.data().groups()) {
            add(train, g.train().column(target), predict(g, g.train(), target));
            add(test, g.test().column(target), predict(g, g.test(), target));
        }
        XYSeries diagonal = new XYSeries("predicted = actual", false, true);
        double[] range = range(train, test);
        diagonal.add(range[0], range[0]);
        diagonal.add(range[1], range[1]);
        XYSeries[] kept = {train, test};
        String thinned = thin(kept);
        XYPlot plot = plot(List.of(kept[0], kept[1], diagonal), "actual " + target, "predicted " + target, false);
        style(plot, 0, TRAIN, true, false);
        style(plot, 1, TEST, true, false);
        style(plot, 2, Color.GRAY, false, true);
        return svg(new JFreeChart("Predicted vs actual" + suffix + thinned, TITLE, plot, true));
    }

    String residuals(String target, String variable, String suffix) {
        XYSeries train = new XYSeries("train", false, true);
        XYSeries test = new XYSeries("test", false, true);
        for (Group g : run.data().groups()) {
            add(train, g.train().column(variable), minus(predict(g, g.train(), target), g.train().column(target)));
            add(test, g.test().column(variable), minus(predict(g, g.test(), target), g.test().column(target)));
        }
        XYSeries[] kept = {train, test};
        String thinned = thin(kept);
        XYPlot plot = plot(List.of(kept[0], kept[1]), variable, "predicted − actual", logScale(kept));
        style(plot, 0, TRAIN, true, false);
        style(plot, 1, TEST, true, false);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        return svg(new JFreeChart("Residuals against " + variable + suffix + thinned, TITLE, plot, true));
    }

    /**
     * The law along {@code variable} for each group (the first few), the other features held at the
     * group's first test row (its last train row without test rows); the rows sharing those values
     * are drawn on it, test points filled, train points hollow.
     */
    String curve(String target, String variable, String suffix) {
        List<XYSeries> series = new ArrayList<>();
        List<Group> groups = run.data().groups().stream().limit(MAX_CURVE_GROUPS).toList();
        boolean log = spansDecades(variable);
        for (Group g : groups) {
            Frame ref = g.test().isEmpty() ? g.train() : g.test();
            int row = g.test().isEmpty() ? ref.size() - 1 : 0;
            if (row < 0) {
                continue;
            }
            Frame grid = grid(g, ref, row, variable, log);
            XYSeries line = new XYSeries(g.name(), false, true);
            add(line, grid.column(variable), predict(g, grid, target));
            XYSeries test = matching(g.name() + " test", g.test(), ref, row, variable, target);
            XYSeries train = matching(g.name() + " train", g.train(), ref, row, variable, target);
            series.addAll(List.of(line, test, train));
        }
        XYPlot plot = plot(series, variable, target, log);
        for (int i = 0; i < series.size(); i += 3) {
            Color c = PALETTE[(i / 3) % PALETTE.length];
            style(plot, i, c, false, true);
            style(plot, i + 1, c, true, false);
            style(plot, i + 2, c, true, false);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            r.setSeriesShapesFilled(i + 2, false);
            r.setSeriesVisibleInLegend(i + 1, false);
            r.setSeriesVisibleInLegend(i + 2, false);
        }
        int n = run.data().groups().size();
        String which = n > groups.size() ? " (" + groups.size() + " of " + n + " groups)" : "";
        return svg(new JFreeChart("Law along " + variable + suffix + which + "; test filled", TITLE, plot, true));
    }

    /**
     * The law along {@code variable} with its prediction interval ({@code intervals.json}, at 90%)
     * for the first group, from the group's smallest value out to ten times its largest train value:
     * how far a prediction beyond the data is worth trusting. The other features are held as in
     * {@link #curve}. Null for a run without intervals.json or a variable with a non-positive value.
     */
    String band(String target, String variable, String suffix, Predictor predictor) {
        Group g = run.data().groups().get(0);
        Frame ref = g.test().isEmpty() ? g.train() : g.test();
        int row = g.test().isEmpty() ? ref.size() - 1 : 0;
        double lo = min(g.train().column(variable));
        double hi = 10 * max(g.train().column(variable));
        if (row < 0 || !(lo > 0)) {
            return null;
        }
        int n = 40;   // the band is smooth on a log axis; each point costs a bootstrap's worth of predictions
        List<Points.Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String c : run.data().features()) {
                values.put(c, ref.column(c)[row]);
            }
            values.put(variable, Math.exp(Math.log(lo) + i / (n - 1.0) * (Math.log(hi) - Math.log(lo))));
            points.add(new Points.Point(values, null));
        }
        XYSeries line = new XYSeries("law (" + g.name() + ")", false, true);
        XYSeries lower = new XYSeries("90% interval", false, true);
        XYSeries upper = new XYSeries("upper", false, true);
        for (Predictor.Forecast f : predictor.predict(points, g.name(), 0.9, "plot")) {
            if (f.target().equals(target) && Double.isFinite(f.lower()) && Double.isFinite(f.upper())) {
                double x = f.point().get(variable);
                line.add(x, f.prediction());
                lower.add(x, f.lower());
                upper.add(x, f.upper());
            }
        }
        XYSeries test = matching(g.name() + " test", g.test(), ref, row, variable, target);
        XYSeries train = matching(g.name() + " train", g.train(), ref, row, variable, target);
        XYPlot plot = plot(List.of(line, lower, upper, test, train), variable, target, true);
        style(plot, 0, TRAIN, false, true);
        style(plot, 1, TRAIN, false, true);
        style(plot, 2, TRAIN, false, true);
        style(plot, 3, TEST, true, false);
        style(plot, 4, TRAIN, true, false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
        r.setSeriesStroke(1, dashed);
        r.setSeriesStroke(2, dashed);
        r.setSeriesVisibleInLegend(2, false);
        r.setSeriesShapesFilled(4, false);
        plot.addDomainMarker(new ValueMarker(max(g.train().column(variable)), Color.GRAY, new BasicStroke(1f)));
        return svg(new JFreeChart("Interval along " + variable + suffix + " to 10× the train rows (" + g.name() + ")", TITLE, plot, true));
    }

    /** 120 values of {@code variable} over the group's whole range, other columns as in row {@code row} of ref. */
    private Frame grid(Group g, Frame ref, int row, String variable, boolean log) {
        double lo = Math.min(min(g.train().column(variable)), min(g.test().column(variable)));
        double hi = Math.max(max(g.train().column(variable)), max(g.test().column(variable)));
        int n = 120;
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String c : ref.columns().keySet()) {
            double[] col = new double[n];
            Arrays.fill(col, ref.column(c)[row]);
            cols.put(c, col);
        }
        double[] x = cols.get(variable);
        for (int i = 0; i < n; i++) {
            double t = i / (n - 1.0);
            x[i] = log ? Math.exp(Math.log(lo) + t * (Math.log(hi) - Math.log(lo))) : lo + t * (hi - lo);
        }
        return new Frame(n, cols);
    }

    private XYSeries matching(String key, Frame f, Frame ref, int row, String variable, String target) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < f.size(); i++) {
            boolean same = true;
            for (String c : run.data().features()) {
                same &= c.equals(variable) || f.column(c)[i] == ref.column(c)[row];
            }
            if (same) {
                s.add(f.column(variable)[i], f.column(target)[i]);
            }
        }
        return s;
    }

    private XYPlot plot(List<XYSeries> series, String x, String y, boolean logX) {
        XYSeriesCollection ds = new XYSeriesCollection();
        series.forEach(ds::addSeries);
        ValueAxis xAxis = logX ? new LogAxis(x) : new NumberAxis(x);
        if (xAxis instanceof NumberAxis a) {
            a.setAutoRangeIncludesZero(false);
        }
        if (xAxis instanceof LogAxis a) {
            a.setSmallestValue(1e-300);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());   // ticks at whole powers of 10
        }
        NumberAxis yAxis = new NumberAxis(y);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(ds, xAxis, yAxis, new XYLineAndShapeRenderer(false, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xd0d7de));
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        return plot;
    }

    private static void style(XYPlot plot, int series, Color color, boolean shapes, boolean lines) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(series, color);
        r.setSeriesShapesVisible(series, shapes);
        r.setSeriesLinesVisible(series, lines);
        r.setSeriesShape(series, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesStroke(series, new BasicStroke(1.6f));
    }

    private String svg(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 16));   // room for the last tick label
        chart.getTitle().setFont(TITLE);
        SVGGraphics2D g = new SVGGraphics2D(W, H);
        // Two decimals of a pixel are finer than any screen; JFreeSVG's default (full precision)
        // made an lr_bsz page 35 MB and its digits, not the fits, most of a site's rendering time.
        g.setGeomDoubleConverter(Plots::hundredths);
        g.setTransformDoubleConverter(Plots::hundredths);
        g.setDefsKeyPrefix(idPrefix + "-" + (count++) + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H));
        return g.getSVGElement();
    }

    /**
     * Keeps at most {@link #MAX_POINTS} points of each scatter series, evenly by row order, and says
     * so in the title ("" when nothing was dropped). Thousands of overlapping points draw the same
     * cloud; drawn all, one lr_bsz run's page was megabytes of SVG that took longer than its fit.
     */
    private static String thin(XYSeries[] series) {
        StringBuilder note = new StringBuilder();
        for (int k = 0; k < series.length; k++) {
            XYSeries s = series[k];
            int n = s.getItemCount();
            if (n > MAX_POINTS) {
                int step = (n + MAX_POINTS - 1) / MAX_POINTS;
                XYSeries kept = new XYSeries(s.getKey(), false, true);
                for (int i = 0; i < n; i += step) {
                    kept.add(s.getX(i), s.getY(i), false);
                }
                series[k] = kept;
                note.append(note.isEmpty() ? " (" : ", ").append("every ").append(step).append(ordinal(step)).append(' ')
                        .append(s.getKey()).append(" point of ").append(n);
            }
        }
        return note.isEmpty() ? "" : note.append(')').toString();
    }

    private static String ordinal(int k) {
        return k % 100 >= 11 && k % 100 <= 13 ? "th" : switch (k % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
    }

    /** A coordinate to a hundredth of a pixel (SVG reads exponents too, for the odd huge value). */
    static String hundredths(double v) {
        if (!(Math.abs(v) < 1e15)) {
            return Double.toString(v);   // NaN, infinite or absurdly far off the canvas: as Java writes it
        }
        long h = Math.round(v * 100);
        long whole = Math.abs(h) / 100;
        int frac = (int) (Math.abs(h) % 100);
        String sign = h < 0 ? "-" : "";
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : frac < 10 ? ".0" + frac : "." + frac);
    }

    private static void add(XYSeries s, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                s.add(x[i], y[i]);
            }
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double[] range(XYSeries... ss) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries s : ss) {
            if (!s.isEmpty()) {
                lo = Math.min(lo, Math.min(s.getMinX(), s.getMinY()));
                hi = Math.max(hi, Math.max(s.getMaxX(), s.getMaxY()));
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {0, 1};
    }

    /** A log axis when the values are positive and span more than a factor of 50. */
    private static boolean logScale(XYSeries... ss) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (XYSeries s : ss) {
            if (!s.isEmpty()) {
                r[0] = Math.min(r[0], s.getMinX());
                r[1] = Math.max(r[1], s.getMaxX());
            }
        }
        return r[0] > 0 && r[1] / r[0] > 50;
    }

    private boolean spansDecades(String variable) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Group g : run.data().groups()) {
            lo = Math.min(lo, Math.min(min(g.train().column(variable)), min(g.test().column(variable))));
            hi = Math.max(hi, Math.max(max(g.train().column(variable)), max(g.test().column(variable))));
        }
        return lo > 0 && hi / lo > 50;
    }

    private static double min(double[] x) { return Arrays.stream(x).min().orElse(Double.POSITIVE_INFINITY); }

    private static double max(double[] x) { return Arrays.stream(x).max().orElse(Double.NEGATIVE_INFINITY); }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Color[] PALETTE = {new Color(0x0969da), new Color(0xd4560c), new Color(0x1a7f37),
        new Color(0x8250df), new Color(0xbf3989), new Color(0x6e7781)};
}
