package lawsearch.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;

import lawsearch.engine.export.SldbenchExport;
import lawsearch.engine.run.ParetoRow;
import lawsearch.engine.run.RunChoice;
import lawsearch.engine.run.RunFiles;
import lawsearch.engine.run.PassedOver;
import lawsearch.engine.run.ShapeChecks;
import lawsearch.evaluator.protocol.AtBound;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.core.Weighting;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.formatter.WhereForm;

/**
 * One entry's page, laid out as SLDBench's seed pages: back link, task, entry, best/mean/min R²
 * and run count, the run to use ({@link RunChoice}), then every run sorted by R² with its law in math, its soundness, constants per
 * group, its Pareto front (each law marked sound or not), the exported SLDBench program and its plots.
 */
final class EntryPage {
    private EntryPage() { }

    /**
     * The page. Runs are rendered in parallel (each reads its own directory and draws its own plots)
     * and joined in rank order, so the page is the same whatever the number of cores.
     */
    static String of(Entry e) {
        List<String> parts = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"../index.html\">← Back to Leaderboard</a></p>\n");
        b.append("<h1>").append(Html.escape(e.task())).append("</h1>\n");
        b.append("<p><b>Entry:</b> ").append(Html.escape(e.name())).append("<br><span class=\"settings\">")
                .append(Html.escape(e.settings())).append("</span></p>\n");
        b.append("<div class=\"stats\">").append(stat("Best R²", Html.r2(e.best()))).append(stat("Mean R²", Html.r2(e.mean())))
                .append(stat("Min R²", Html.r2(e.min()))).append(stat("Runs", String.valueOf(e.runs().size()))).append("</div>\n");
        RunDir use = e.runs().size() > 1 ? RunChoice.of(e.runs(), RunDir::result).orElse(null) : null;
        if (use != null) {
            b.append("<p><b>Use:</b> run ").append(use.index()).append(String.format(
                    ", whose law validates best of the sound runs (validation R² %.6f): chosen on train rows alone, as a user"
                            + " without test rows would choose</p>\n", use.result().validationR2()));
        }
        b.append("<h2>All Runs (sorted by R²)</h2>\n");
        parts.add(b.toString());
        parts.addAll(IntStream.range(0, e.runs().size()).parallel()
                .mapToObj(i -> run(e.runs().get(i), i == 0, e.runs().get(i) == use, i)).toList());
        if (!e.unfinished().isEmpty()) {
            StringBuilder u = new StringBuilder("<h2>Not scored</h2>\n<ul>\n");
            for (RunDir r : e.unfinished()) {
                u.append("<li>Run ").append(r.index()).append(" (").append(Html.escape(r.state())).append("): <code>")
                        .append(Html.escape(r.dir().toString())).append("</code></li>\n");
            }
            parts.add(u.append("</ul>\n").toString());
        }
        return Html.page(e.task() + " — " + e.name(), parts);
    }

    private static String stat(String label, String value) {
        return "<div class=\"stat\">" + label + "<b>" + value + "</b></div>";
    }

    private static String run(RunDir r, boolean best, boolean use, int position) {
        StringBuilder b = new StringBuilder("<div class=\"run\">\n<h3>");
        if (best) {
            b.append("<span class=\"badge\">Best</span>");
        }
        if (use) {
            b.append("<span class=\"badge\" title=\"its law validates best of the sound runs\">Use</span>");
        }
        b.append("Run ").append(r.index()).append(" <span class=\"r2\">R² = ").append(Html.r2(r.r2())).append("</span></h3>\n");
        b.append("<p class=\"muted\">seed ").append(r.config().seed()).append(" · <code>").append(Html.escape(r.dir().toString()))
                .append("</code></p>\n");
        FittedRun f;
        try {
            f = FittedRun.of(r);
        } catch (UserError ex) {
            return b.append("<p>No fitted law to show: ").append(Html.escape(ex.getMessage())).append("</p>\n</div>\n").toString();
        }
        WhereForm where = WhereForm.of(f.law().expr(), f.data().variableNames());
        b.append(MathMl.of(where, "law"));
        b.append("<p><code>").append(Html.escape(where.text())).append("</code><br>")
                .append(f.law().bounds().isEmpty() ? "" : "bounds <code>" + Html.escape(Printer.printBounds(f.law().bounds())) + "</code> · ")
                .append(Html.escape(settings(f.law().fit()))).append("</p>\n");
        b.append(shape(r));
        b.append("<h4>Fitted constants per group</h4>\n").append(constants(f));
        b.append(front(r));
        b.append("<h4>Plots</h4>\n<div class=\"plots\">\n");
        for (String svg : new Plots(f, "r" + position).all(scaleVariables(r, f))) {
            b.append(svg).append('\n');
        }
        b.append("</div>\n<h4>SLDBench program</h4>\n<pre><code>").append(Html.escape(SldbenchExport.of(f))).append("</code></pre>\n");
        return b.append("</div>\n").toString();
    }

    /** The reported law's soundness verdict, when the run checked it. */
    private static String shape(RunDir r) {
        ShapeChecks s = r.result() == null ? null : r.result().shape();
        if (s == null) {
            return "";
        }
        return "<p>shape: " + (s.sound() ? ShapeChecks.soundSummary(r.config() == null || r.config().scale() == null || !r.config().scale().isEmpty())
                : "<b>UNSOUND</b>: " + Html.escape(s.detail()))
                + (s.frontierSpread() == null ? "" : String.format("; bootstrap spread at the largest trained run %.3g of the prediction",
                        s.frontierSpread())) + "</p>\n" + passedOver(r);
    }

    /** The better-validating law the run passed over for its shape, why, and what the train rows say (result.json's passed_over). */
    private static String passedOver(RunDir r) {
        PassedOver p = r.result() == null ? null : r.result().passedOver();
        if (p == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p>passed over for its shape: <code>").append(Html.escape(p.law()))
                .append("</code> (validation R² ").append(Html.r2(p.validationR2())).append("): <b>UNSOUND</b>: ")
                .append(Html.escape(p.detail())).append("</p>\n");
        for (String d : p.data()) {
            b.append("<p>the train rows: ").append(Html.escape(d)).append("</p>\n");
        }
        if (p.shapeHint() != null) {
            b.append("<p>to allow it: <code>").append(Html.escape(p.shapeHint())).append("</code></p>\n");
        }
        return b.toString();
    }

    /** The run's Pareto front (pareto.json), each law with its soundness: an unsound law stays on it, marked. */
    private static String front(RunDir r) {
        List<ParetoRow> rows = RunFiles.readPareto(r.dir());
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h4>Pareto front</h4>\n<table>\n<tr><th>size</th><th>constants</th>"
                + "<th>validation R²</th><th>shape</th><th>law</th></tr>\n");
        for (ParetoRow p : rows) {
            String shape = p.shape() == null ? "not checked" : p.shape().sound() ? "sound"
                    : "<span title=\"" + Html.escape(p.shape().detail()) + "\"><b>unsound</b>: " + Html.escape(p.shape().detail()) + "</span>";
            b.append("<tr><td class=\"num\">").append(p.complexity()).append("</td><td class=\"num\">").append(p.parameters())
                    .append("</td><td class=\"num\">").append(Html.r2(p.validationR2())).append("</td><td>").append(shape)
                    .append("</td><td><code>").append(Html.escape(p.law())).append("</code></td></tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    private static String settings(FitSettings s) {
        String loss = switch (s.loss()) {
            case Loss.Mse m -> "mse";
            case Loss.LogMse l -> "log-mse";
            case Loss.Huber h -> "huber(" + Printer.number(h.delta()) + ")";
        };
        String weight = switch (s.weighting()) {
            case Weighting.Uniform u -> "uniform";
            case Weighting.Scale w -> "scale(" + w.variable() + ", " + Printer.number(w.power()) + ")";
        };
        return "loss " + loss + " · weight " + weight + " · starts " + s.starts();
    }

    /** Group (and target) rows, one column per constant. */
    private static String constants(FittedRun f) {
        List<String> params = f.law().parameters();
        boolean multi = f.data().targets().size() > 1;
        StringBuilder b = new StringBuilder("<table>\n<tr><th>group</th>");
        if (multi) {
            b.append("<th>target</th>");
        }
        params.forEach(p -> b.append("<th>").append(Html.escape(p)).append("</th>"));
        b.append("</tr>\n");
        for (String g : f.fitted().groups()) {
            for (String t : f.fitted().targets()) {
                b.append("<tr><td>").append(Html.escape(g)).append("</td>");
                if (multi) {
                    b.append("<td>").append(Html.escape(t)).append("</td>");
                }
                double[] values = f.fitted().params(g, t);
                for (int i = 0; i < params.size(); i++) {
                    double v = values == null ? Double.NaN : values[i];
                    boolean atBound = !Double.isNaN(f.law().bounds().of(params.get(i)).endAt(v));
                    b.append("<td class=\"num\">").append(String.format("%.6g", v)).append(atBound ? "*" : "").append("</td>");
                }
                b.append("</tr>\n");
            }
        }
        b.append("</table>\n");
        for (AtBound a : AtBound.of(f.fitted())) {
            b.append("<p class=\"muted\">* at a bound, set by the bound, not the rows: ").append(Html.escape(a.describe())).append("</p>\n");
        }
        return b.toString();
    }

    /** The run's scale variables (as recorded), else its config's, else the columns the law reads. */
    private static List<String> scaleVariables(RunDir r, FittedRun f) {
        List<String> out = new ArrayList<>();
        if (r.result() != null && r.result().scaleVariables() != null) {
            out.addAll(r.result().scaleVariables());
        }
        if (out.isEmpty() && r.config().scale() != null) {
            out.addAll(r.config().scale());
        }
        if (out.isEmpty()) {
            f.law().variables().stream().map(f.data()::resolve).distinct().forEach(out::add);
        }
        return out.stream().map(v -> f.data().resolve(v)).filter(v -> v != null).distinct().toList();
    }
}
