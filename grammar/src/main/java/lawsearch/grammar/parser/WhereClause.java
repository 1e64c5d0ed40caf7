package lawsearch.grammar.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Exprs;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.parser.Lexer.Token;

/**
 * The definitions of a law's {@code where} clause, checked and inlined as they are read. The parser
 * reads a where-name in the body as a parameter (it cannot know the name yet: the clause comes
 * last), so inlining is substituting those parameters; a definition's own expression has its
 * earlier definitions inlined already, which makes one substitution into the body enough.
 * <p>
 * A definition may use only earlier ones: that rules out cycles by construction and keeps the
 * clause readable top to bottom. Every name must be used, so a typo in the body (a misspelt name
 * would silently become a fitted parameter) shows up as an unused definition instead.
 */
final class WhereClause {
    static final String KEYWORD = "where";

    /** One definition: its name token, its expanded expression and the parameter-like names it used. */
    private record Definition(Token name, Expr expr, Map<String, Token> uses) { }

    private final Set<String> variables;
    private final Origin origin;
    private final List<Definition> definitions = new ArrayList<>();
    private final Map<String, Definition> byName = new HashMap<>();

    WhereClause(Set<String> variables, Origin origin) {
        this.variables = variables;
        this.origin = origin;
    }

    /** Adds {@code name = expr}, {@code uses} being the names {@code expr} read as parameters. */
    void define(Token name, Expr expr, Map<String, Token> uses) {
        String n = name.text();
        if (variables.contains(n)) {
            throw error(name, "'" + n + "' is a data column; a where-name must differ from every column");
        }
        if (Fn.named(n) != null || n.equals(KEYWORD)) {
            throw error(name, "'" + n + "' is a reserved word; it cannot name a subexpression");
        }
        Definition earlier = byName.get(n);
        if (earlier != null) {
            throw error(name, "'" + n + "' is defined twice (first at " + where(earlier.name(), name) + ")");
        }
        if (uses.containsKey(n)) {
            throw error(uses.get(n), "'" + n + "' is used in its own definition");
        }
        for (Definition d : definitions) {
            Token forward = d.uses().get(n);
            if (forward != null) {
                throw error(forward, "'" + n + "' is used before its definition at " + where(name, forward)
                        + "; a definition may use only earlier ones");
            }
        }
        Definition d = new Definition(name, Exprs.substitute(expr, this::expansion), uses);
        definitions.add(d);
        byName.put(n, d);
    }

    /** {@code body} with every definition inlined; a definition nothing uses is an error. */
    Expr inline(Expr body, Map<String, Token> bodyUses) {
        for (int i = 0; i < definitions.size(); i++) {
            String n = definitions.get(i).name().text();
            boolean used = bodyUses.containsKey(n);
            for (int j = i + 1; j < definitions.size() && !used; j++) {
                used = definitions.get(j).uses().containsKey(n);
            }
            if (!used) {
                throw error(definitions.get(i).name(), "'" + n + "' is defined but never used");
            }
        }
        return Exprs.substitute(body, this::expansion);
    }

    private Expr expansion(String name) {
        Definition d = byName.get(name);
        return d == null ? null : d.expr();
    }

    private String where(Token t, Token relativeTo) { return origin.describe(t.line(), t.column(), relativeTo.line()); }

    private ParseException error(Token t, String message) { return origin.error(t.line(), t.column(), message); }
}
