package lawsearch.engine.export;

import lawsearch.engine.report.FittedRun;
import lawsearch.engine.run.RunConfig;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;

/** The comment block an exported module starts with: where the law comes from and how it scored. */
final class Header {
    private Header() { }

    static String of(FittedRun run, String format) {
        RunConfig c = run.run().config();
        Law law = run.law();
        StringBuilder sb = new StringBuilder();
        line(sb, "Exported by lawsearch " + c.version() + " as a " + format + ".");
        line(sb, "Run " + run.run().dir() + " (task " + c.task() + ", entry " + c.entry() + ", seed " + c.seed() + ").");
        line(sb, "law: " + PythonLaw.whereForm(law, run.data()).text());
        if (!law.bounds().isEmpty()) {
            line(sb, "bounds: " + Printer.printBounds(law.bounds()));
        }
        line(sb, "features: " + String.join(", ", run.data().features()) + "; targets: " + String.join(", ", run.data().targets()));
        if (run.r2() != null) {
            String source = c.data() == null || c.data().file() == null ? "the generated " + c.task() + " data" : c.data().file();
            line(sb, String.format("lawsearch's test R² on %s: %.9f", source, run.r2()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String text) {
        sb.append("# ").append(PythonLaw.comment(text)).append('\n');
    }
}
