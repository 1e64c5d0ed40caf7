package lawsearch.engine.frontier;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The frontier on log-log axes (JFreeChart drawn onto JFreeSVG, as the report's plots): every run
 * hollow, the frontier runs filled, the fitted law from the smallest run out to the target compute,
 * and the prediction there with its interval as a vertical bar.
 */
public final class FrontierPlot {
    static {
        System.setProperty("java.awt.headless", "true");   // servers and CI have no display
    }

    private static final int W = 640;
    private static final int H = 420;
    private static final int CURVE_POINTS = 160;
    private static final Color RUNS = new Color(0x6e7781);
    private static final Color FRONTIER = new Color(0x0969da);
    private static final Color LAW = new Color(0x1a7f37);
    private static final Color PREDICTED = new Color(0xd4560c);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private FrontierPlot() { }

    public static String svg(Frontier frontier, Forecast forecast, String computeLabel, String target) {
        XYSeries runs = new XYSeries("runs", false, true);
        frontier.all().stream().filter(r -> r.compute() > 0 && r.target() > 0).forEach(r -> runs.add(r.compute(), r.target()));
        XYSeries best = new XYSeries("frontier", false, true);
        frontier.points().forEach(r -> best.add(r.compute(), r.target()));
        XYSeries law = new XYSeries(forecast.form() + " fit", false, true);
        double lo = Math.min(runs.getMinX(), best.getMinX());
        double hi = Math.max(forecast.at(), best.getMaxX());
        for (int i = 0; i < CURVE_POINTS; i++) {
            double c = Math.exp(Math.log(lo) + i * (Math.log(hi) - Math.log(lo)) / (CURVE_POINTS - 1));
            double v = forecast.curve().applyAsDouble(c);
            if (Double.isFinite(v) && v > 0) {
                law.add(c, v);
            }
        }
        XYSeries point = new XYSeries(String.format(Locale.ROOT, "prediction %.5g", forecast.prediction()), false, true);
        point.add(forecast.at(), forecast.prediction());
        XYSeries bar = new XYSeries(String.format(Locale.ROOT, "%.0f%% interval", 100 * forecast.level()), false, true);
        if (forecast.lower() > 0) {
            bar.add(forecast.at(), forecast.lower());
        }
        bar.add(forecast.at(), forecast.upper());

        XYSeriesCollection data = new XYSeriesCollection();
        List.of(runs, best, law, point, bar).forEach(data::addSeries);
        LogAxis x = new LogAxis(computeLabel);
        x.setSmallestValue(1e-300);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());   // ticks at whole powers of 10
        LogAxis y = new LogAxis(target);
        y.setSmallestValue(1e-300);
        y.setNumberFormatOverride(plain(Math.min(runs.getMinY(), Math.min(law.getMinY(), bar.getMinY()))));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xd0d7de));
        plot.setRangeGridlinePaint(new Color(0xd0d7de));
        style(r, 0, RUNS, true, false, false);
        style(r, 1, FRONTIER, true, false, true);
        style(r, 2, LAW, false, true, false);
        style(r, 3, PREDICTED, true, false, true);
        style(r, 4, PREDICTED, false, true, false);

        JFreeChart chart = new JFreeChart("Compute frontier of " + target, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 16));   // room for the last tick label
        SVGGraphics2D g = new SVGGraphics2D(W, H);
        g.setDefsKeyPrefix("frontier-");
        chart.draw(g, new Rectangle2D.Double(0, 0, W, H));
        return g.getSVGDocument();
    }

    /**
     * Loss ticks as plain numbers (12.59, not 10^1.1) with three significant digits at the smallest
     * value drawn: a log axis over a factor of a few puts its ticks at fractional powers of ten.
     */
    private static DecimalFormat plain(double smallest) {
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(smallest)));
        return new DecimalFormat(decimals == 0 ? "0" : "0." + "#".repeat(decimals), DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static void style(XYLineAndShapeRenderer r, int series, Color color, boolean shapes, boolean lines, boolean filled) {
        r.setSeriesPaint(series, color);
        r.setSeriesShapesVisible(series, shapes);
        r.setSeriesLinesVisible(series, lines);
        r.setSeriesShapesFilled(series, filled);
        r.setSeriesShape(series, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesStroke(series, new BasicStroke(series == 4 ? 2.4f : 1.6f));
    }
}
