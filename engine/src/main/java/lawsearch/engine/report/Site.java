package lawsearch.engine.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import lawsearch.engine.io.AtomicFiles;

/**
 * The static leaderboard site: {@code index.html} and {@code <task>/<entry>.html}. Pages are
 * rendered in memory first and then each written atomically, so a failure leaves no half page.
 */
public final class Site {
    private Site() { }

    public static void write(Leaderboard board, Path outDir) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (Leaderboard.Board t : board.tasks()) {
            for (Entry e : t.entries()) {
                pages.put(entryPath(e), EntryPage.of(e));
            }
        }
        pages.put("index.html", IndexPage.of(board));   // last: it links to pages that exist by then
        pages.forEach((path, html) -> AtomicFiles.write(outDir.resolve(path), html.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code <task>/<entry>.html} with names reduced to safe file-name characters (plus a hash if changed). */
    static String entryPath(Entry e) {
        return slug(e.task()) + "/" + slug(e.name()) + ".html";
    }

    static String slug(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.startsWith(".") || !s.equals(name)) {
            s = s + "-" + Integer.toHexString(name.hashCode());   // two names may reduce to one slug
        }
        return s;
    }
}
