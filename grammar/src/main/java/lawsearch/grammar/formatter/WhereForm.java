package lawsearch.grammar.formatter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;

/**
 * A law as it is shown to people: a body in which repeated subexpressions are replaced by names,
 * and the definitions of those names ({@code body where u_lr = ..., u_bsz = ...}). Only a view: the
 * law itself stays the expanded tree, which {@link #expanded} gives back. In the body a name is a
 * {@code Param} (as the parser reads it before it sees the clause); a definition's expression may
 * use earlier names only (a normalised column's, say). Without definitions the form prints exactly
 * as {@link Printer#print} does.
 */
public record WhereForm(Expr body, List<Definition> definitions) {
    public static final String KEYWORD = "where";

    /** {@code name = expr}. */
    public record Definition(String name, Expr expr) { }

    public WhereForm {
        definitions = List.copyOf(definitions);
    }

    /** {@code e} with its repeated subexpressions named; no name clashes with one of {@code e}'s. */
    public static WhereForm of(Expr e) { return SharedSubexpressions.find(e, Set.of()); }

    /** As {@link #of(Expr)}, also avoiding {@code reserved} (the data's other columns, say). */
    public static WhereForm of(Expr e, Set<String> reserved) { return SharedSubexpressions.find(e, reserved); }

    public boolean hasDefinitions() { return !definitions.isEmpty(); }

    /** The law with every name inlined: the tree this form was made from. */
    public Expr expanded() {
        Map<String, Expr> byName = new HashMap<>();
        for (Definition d : definitions) {           // each in terms of the earlier ones, already inlined
            byName.put(d.name(), Exprs.substitute(d.expr(), byName::get));
        }
        return Exprs.substitute(body, byName::get);
    }

    /** On one line: {@code body where u = ..., v = ...}. */
    public String text() { return String.join(" ", lines()); }

    /**
     * The body, then (when there are definitions) one line per definition: {@code where u = ...,}
     * and {@code v = ...}, the definitions ending in commas but the last, so the lines read back
     * when joined by any white space.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(Printer.print(body));
        for (int i = 0; i < definitions.size(); i++) {
            Definition d = definitions.get(i);
            out.add((i == 0 ? KEYWORD + " " : "") + d.name() + " = " + Printer.print(d.expr())
                    + (i < definitions.size() - 1 ? "," : ""));
        }
        return out;
    }
}
