package lawsearch.grammar.formatter;

import java.util.List;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Loss;
import lawsearch.grammar.core.Weighting;
import lawsearch.grammar.parser.LawFile;

/** Writes a {@link LawFile} in the format {@code LawFile.parse} reads back to an equal file. */
public final class LawFileWriter {
    private LawFileWriter() { }

    public static String write(LawFile f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.header());
        if (!f.header().isEmpty() && !f.header().endsWith("\n")) {
            sb.append('\n');
        }
        sb.append(LawFile.START).append('\n');
        sb.append("law: ").append(law(f.law().expr())).append('\n');
        String b = Printer.printBounds(f.law().bounds());
        if (!b.isEmpty()) {
            sb.append("bounds: ").append(b).append('\n');
        }
        FitSettings fit = f.law().fit();
        sb.append("loss: ").append(loss(fit.loss())).append('\n');
        sb.append("weight: ").append(weight(fit.weighting())).append('\n');
        sb.append("starts: ").append(fit.starts()).append('\n');
        sb.append(LawFile.END).append('\n');
        sb.append(f.footer());
        return sb.toString();
    }

    /**
     * The law's value: its where form, each definition on an indented continuation line
     * ({@code law: E + k*u_N^2 + ...}, then {@code   where u_N = log(N) - c,} ...).
     */
    static String law(Expr e) {
        List<String> lines = WhereForm.of(e).lines();
        StringBuilder sb = new StringBuilder(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            sb.append('\n').append(i == 1 ? "  " : "        ").append(lines.get(i));
        }
        return sb.toString();
    }

    public static String loss(Loss l) {
        return switch (l) {
            case Loss.Mse m -> "mse";
            case Loss.LogMse m -> "log-mse";
            case Loss.Huber h -> "huber(" + Printer.number(h.delta()) + ")";
        };
    }

    public static String weight(Weighting w) {
        return switch (w) {
            case Weighting.Uniform u -> "uniform";
            case Weighting.Scale s -> s.power() == 1 ? "scale(" + s.variable() + ")"
                    : "scale(" + s.variable() + ", " + Printer.number(s.power()) + ")";
        };
    }
}
