package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import lawsearch.engine.cli.CliRun;

/**
 * The HTML site from a run whose group and entry names are markup: pages exist, hold SVG plots,
 * show those names as text, load nothing from the network and run no script.
 */
class SiteTest {
    static final String EVIL_GROUP = "<script>alert(1)</script>";
    static final String EVIL_ENTRY = "e<i>&\"x";
    @TempDir static Path dir;
    static Path site;

    @BeforeAll
    static void siteOfOneRun() throws IOException {
        StringBuilder csv = new StringBuilder("group,split,size,loss\n");
        for (String g : List.of("\"" + EVIL_GROUP + "\"", "plain")) {
            for (int i = 1; i <= 16; i++) {
                double x = 1e6 * Math.pow(2, i);
                csv.append(g).append(i > 13 ? ",test," : ",train,").append(x).append(',')
                        .append(2 + 40 * Math.pow(x, -0.3) * (g.equals("plain") ? 1 : 1.3)).append('\n');
            }
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        Path runs = dir.resolve("runs");
        assertThat(cli("discover", "--data", data.toString(), "--target", "loss", "--generations", "2", "--threads", "2",
                "--name", EVIL_ENTRY, "--out", runs.toString(), "--json")).isZero();
        site = dir.resolve("site");
        assertThat(cli("leaderboard", "--runs", runs.toString(), "--html", site.toString())).isZero();
    }

    static int cli(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r.code();
    }

    static List<Path> pages() throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void anEntryOfRepeatedRunsMarksTheRunToUse(@TempDir Path other) throws IOException {
        Path runs = other.resolve("runs");
        CliRun d = CliRun.of("discover", "--data", dir.resolve("data.csv").toString(), "--target", "loss", "--generations", "2",
                "--runs", "2", "--threads", "2", "--out", runs.toString(), "--json");
        assertThat(d.code()).as(d.err()).isZero();
        String use = new ObjectMapper().readTree(d.out()).get("use").asText();
        Path html = other.resolve("site");
        assertThat(cli("leaderboard", "--runs", runs.toString(), "--html", html.toString())).isZero();
        String page = Files.readString(html.resolve("data/default.html"));
        assertThat(page).contains("<b>Use:</b> run " + use.substring(use.lastIndexOf("run-") + 4) + ",").contains(">Use</span>");
    }

    @Test
    void indexLinksToAnEntryPageWithPlotsAndProgram() throws IOException {
        String index = Files.readString(site.resolve("index.html"));
        assertThat(index).contains("<table>").contains("e&lt;i&gt;&amp;&quot;x");
        assertThat(pages()).hasSize(2);
        Path entry = pages().stream().filter(p -> !p.getFileName().toString().equals("index.html")).findFirst().orElseThrow();
        assertThat(index).contains("href=\"" + site.relativize(entry).toString().replace('\\', '/').replace("&", "&amp;") + "\"");
        String page = Files.readString(entry);
        assertThat(page).contains("← Back to Leaderboard", "All Runs (sorted by R²)", "<math", "# EVOLVE-BLOCK-START",
                "def scaling_law_func", "Predicted vs actual", "Residuals against size", "Law along size");
        assertThat(page.split("<svg", -1).length - 1).isGreaterThanOrEqualTo(3);
        // The law's soundness and the run's front, each law of it marked (pareto.json's shape).
        assertThat(page).contains("shape: ", "<h4>Pareto front</h4>").containsPattern("<td>(sound|<span title=[^>]*><b>unsound</b>)");
    }

    @Test
    void namesFromDataAreTextNotMarkup() throws IOException {
        for (Path p : pages()) {
            String html = Files.readString(p);
            assertThat(html.toLowerCase()).as(p.toString()).doesNotContain("<script").doesNotContain("<i>");
        }
        Path entry = pages().stream().filter(p -> !p.getFileName().toString().equals("index.html")).findFirst().orElseThrow();
        assertThat(Files.readString(entry)).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void nothingIsLoadedFromTheNetwork() throws IOException {
        for (Path p : pages()) {
            // xmlns='http://…' names an XML namespace (SVG's, JFreeSVG's): nothing is fetched from it.
            String html = Files.readString(p).replaceAll("xmlns(:\\w+)?=['\"]http://[^'\"]*['\"]", "");
            assertThat(html).as(p.toString()).doesNotContain("http://").doesNotContain("https://")
                    .doesNotContain("src=").doesNotContain("@import").doesNotContain("<link");
        }
    }
}
