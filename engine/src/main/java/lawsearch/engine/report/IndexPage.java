package lawsearch.engine.report;

/** The site's index: one ranked table per task, each entry linking to its page. */
final class IndexPage {
    private IndexPage() { }

    static String of(Leaderboard board) {
        StringBuilder b = new StringBuilder("<h1>lawsearch leaderboard</h1>\n");
        b.append("<p class=\"muted\">Entries ranked by mean test R² over their finished runs (SLDBench's scoring).</p>\n");
        for (Leaderboard.Board t : board.tasks()) {
            b.append("<h2>").append(Html.escape(t.task())).append("</h2>\n<table>\n<tr><th>Rank</th><th>Entry</th>")
                    .append("<th>Mean R²</th><th>Best R²</th><th>Min R²</th><th>Runs</th><th>Settings</th></tr>\n");
            int rank = 1;
            for (Entry e : t.entries()) {
                b.append("<tr><td class=\"num\">").append(rank++).append("</td><td><a href=\"")
                        .append(Html.escape(Site.entryPath(e))).append("\">").append(Html.escape(e.name())).append("</a></td>")
                        .append(cell(e.mean())).append(cell(e.best())).append(cell(e.min()))
                        .append("<td class=\"num\">").append(e.runs().size())
                        .append(e.unfinished().isEmpty() ? "" : " <span class=\"muted\">(+" + e.unfinished().size() + " unfinished)</span>")
                        .append("</td><td class=\"settings\">").append(Html.escape(e.settings())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (board.tasks().isEmpty()) {
            b.append("<p>No runs.</p>\n");
        }
        return Html.page("lawsearch leaderboard", b.toString());
    }

    private static String cell(Double v) { return "<td class=\"num\">" + Html.r2(v) + "</td>"; }
}
