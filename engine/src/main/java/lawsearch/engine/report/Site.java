package lawsearch.engine.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lawsearch.engine.io.AtomicFiles;

/**
 * The static leaderboard site: {@code index.html} and {@code <task>/<entry>.html}. Pages are
 * rendered in memory first and then each written atomically, so a failure leaves no half page.
 */
public final class Site {
    private Site() { }

    public static void write(Leaderboard board, Path outDir) {
        // Entry pages render in parallel (as do the runs within one) and are kept in board order.
        List<Entry> entries = board.tasks().stream().flatMap(t -> t.entries().stream()).toList();
        List<String> rendered = entries.parallelStream().map(EntryPage::of).toList();
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            pages.put(entryPath(entries.get(i)), rendered.get(i));
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
