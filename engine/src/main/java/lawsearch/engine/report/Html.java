package lawsearch.engine.report;

import java.util.List;

/**
 * HTML text: escaping of everything that comes from data, laws or file names, and the page frame
 * (inline CSS only: the site loads nothing from the network and runs no scripts).
 */
public final class Html {
    private Html() { }

    /** Text safe in element content and in quoted attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String r2(Double v) { return v == null ? "–" : String.format("%.6f", v); }

    /** A whole page; {@code title} is escaped here, {@code body} is markup built from escaped parts. */
    public static String page(String title, String body) {
        return page(title, List.of(body));
    }

    /**
     * A whole page whose body is {@code parts} end to end: a page with many runs' plots is tens of
     * megabytes, so it is joined once, at its final size, rather than copied through a template.
     */
    public static String page(String title, List<String> parts) {
        String head = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body>
                """.formatted(escape(title), CSS);
        String tail = "\n</body>\n</html>\n";
        StringBuilder sb = new StringBuilder(head.length() + tail.length() + parts.stream().mapToInt(String::length).sum());
        sb.append(head);
        parts.forEach(sb::append);
        return sb.append(tail).toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto; max-width: 1200px;
                   padding: 0 1rem; color: #1f2328; background: #fff; line-height: 1.45; }
            h1 { font-size: 1.7rem; margin: .6rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
            a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
            table { border-collapse: collapse; margin: .6rem 0 1.2rem; }
            th, td { border-bottom: 1px solid #d0d7de; padding: .35rem .8rem; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .stats { display: flex; gap: 1.2rem; flex-wrap: wrap; margin: .8rem 0; }
            .stat { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .9rem; }
            .stat b { display: block; font-size: 1.2rem; }
            .run { border: 1px solid #d0d7de; border-radius: 8px; padding: .4rem 1.2rem 1rem; margin: 1.4rem 0; }
            .run h3 .r2 { float: right; font-weight: normal; }
            .badge { background: #1a7f37; color: #fff; border-radius: 4px; padding: 0 .4rem; font-size: .85rem; margin-right: .4rem; }
            .muted { color: #656d76; } .settings { color: #656d76; font-size: .9rem; }
            pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .8rem; overflow-x: auto;
                  font-size: .8rem; max-height: 28rem; }
            code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
            math { font-size: 1.25rem; } .law { margin: .6rem 0 1rem; overflow-x: auto; overflow-y: hidden; padding: .3rem 0; }
            .law math { math-style: normal; } .law.where { margin-top: -.7rem; padding-left: 1.5rem; }
            .plots { display: flex; flex-wrap: wrap; gap: .8rem; } .plots svg { border: 1px solid #eaeef2; border-radius: 4px; }
            details summary { cursor: pointer; color: #0969da; margin: .4rem 0; }
            """;
}
