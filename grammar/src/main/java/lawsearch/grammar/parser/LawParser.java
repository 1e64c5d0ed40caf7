package lawsearch.grammar.parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Param;
import lawsearch.grammar.core.Unary;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.parser.Lexer.Kind;
import lawsearch.grammar.parser.Lexer.Token;

/**
 * Recursive-descent parser of law text. Precedence, loosest first: {@code + -}, {@code * /}, unary
 * minus, {@code ^} ({@code **} is a synonym). {@code ^} is right-associative and a minus may follow
 * it ({@code N^-a}); {@code -x^2} is {@code -(x^2)}, as in mathematics and Python. A minus applied
 * directly to a number literal gives a negative number ({@code N^(-0.5)} holds {@code Num(-0.5)}),
 * unless the literal is itself raised to a power ({@code -2^2} is {@code -(2^2)}); the printer
 * writes {@code Unary(NEG, Num(0.5))} as {@code -(0.5)} to keep the two apart.
 * Identifiers in {@code variables} are data columns; every other identifier is a fitted parameter.
 * <p>
 * The law may end with {@code where NAME = EXPR (, NAME = EXPR)*}: named subexpressions, each
 * written once. They are presentation only: {@link WhereClause} inlines them, so the returned tree
 * is the fully expanded law, equal to the one written without the clause.
 */
public final class LawParser {

    /**
     * Whether {@code name} can stand in a law as a data column: ASCII letters, digits and _, not
     * starting with a digit (what the lexer reads as one identifier). A column named otherwise
     * ("model params", "tokens (β)", "num-params") would be written into laws that no command can
     * parse back.
     */
    public static boolean isName(String name) {
        if (name.isEmpty() || !Lexer.isIdentStart(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> Lexer.isIdentStart((char) c) || Lexer.isDigit((char) c));
    }
    private static final String KNOWN = "(known: log, exp, sqrt, abs, tanh)";

    private final List<Token> tokens;
    private final Set<String> variables;
    private final Origin origin;
    private int pos;
    /** Each name read as a parameter since the last {@link #takeUses}, with its first token: where-names are among them. */
    private Map<String, Token> uses = new LinkedHashMap<>();

    private LawParser(String text, Set<String> variables, Origin origin) {
        this.origin = origin;
        this.tokens = Lexer.tokens(text, origin);
        this.variables = variables;
    }

    /** Parses a law given on its own; errors read {@code law, column 7: ...}. */
    public static Expr parse(String text, Set<String> variables) {
        return parse(text, variables, "law");
    }

    /** Parses a law given on its own, naming it {@code name} in errors ({@code --holdout, column 3: ...}). */
    public static Expr parse(String text, Set<String> variables, String name) {
        return new LawParser(text, variables, Origin.standalone(name, text)).whole();
    }

    /**
     * Parses law text cut out of a file: its first line is file line {@code line} and starts after
     * {@code columnOffset} characters; later lines are whole file lines. Errors read
     * {@code file:line:column: ...}.
     */
    public static Expr parse(String text, Set<String> variables, String file, int line, int columnOffset) {
        return new LawParser(text, variables, Origin.inFile(file, line, columnOffset)).whole();
    }

    private Expr whole() {
        if (peek().kind() == Kind.END) {
            throw error(peek(), "empty law");
        }
        Expr e = sum();
        if (peek().isWord(WhereClause.KEYWORD)) {
            e = where(e);
        }
        Token t = peek();
        if (t.kind() == Kind.RPAREN) {
            throw error(t, "unbalanced ')': no '(' to close");
        }
        if (t.kind() != Kind.END) {
            throw error(t, "unexpected '" + t.text() + "': expected an operator");
        }
        return e;
    }

    /** The where clause after {@code body}: reads every definition, then inlines them into the body. */
    private Expr where(Expr body) {
        Map<String, Token> bodyUses = takeUses();
        WhereClause clause = new WhereClause(variables, origin);
        Token separator = next();
        while (true) {
            Token name = next();
            if (name.kind() != Kind.IDENT) {
                throw error(name, "expected a name after '" + separator.text() + "', as in 'where u = log(N) - c'");
            }
            if (!peek().isPunct("=")) {
                throw error(peek(), "expected '=' after '" + name.text() + "'");
            }
            next();
            if (peek().kind() == Kind.END) {
                throw error(peek(), "'" + name.text() + "' needs an expression after '='");
            }
            Expr value = sum();
            clause.define(name, value, takeUses());
            if (!peek().isPunct(",")) {
                break;
            }
            separator = next();
        }
        if (peek().kind() != Kind.END && peek().kind() != Kind.RPAREN) {
            throw error(peek(), "unexpected '" + peek().text() + "': expected an operator, ',' or the end of the law");
        }
        return clause.inline(body, bodyUses);
    }

    private Map<String, Token> takeUses() {
        Map<String, Token> u = uses;
        uses = new LinkedHashMap<>();
        return u;
    }

    private Expr sum() {
        Expr e = product();
        while (peek().isOp("+") || peek().isOp("-")) {
            Op op = next().text().equals("+") ? Op.ADD : Op.SUB;
            e = Expr.binary(op, e, product());
        }
        return e;
    }

    private Expr product() {
        Expr e = unary();
        while (peek().isOp("*") || peek().isOp("/")) {
            Op op = next().text().equals("*") ? Op.MUL : Op.DIV;
            e = Expr.binary(op, e, unary());
        }
        return e;
    }

    private Expr unary() {
        if (peek().isOp("-")) {
            next();
            return negativeLiteral() ? new Num(-number(next())) : new Unary(Fn.NEG, unary());
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (peek().isOp("^")) {
            next();
            return Expr.pow(base, exponent());
        }
        return base;
    }

    /** The right side of ^: right-associative, and may start with a minus ({@code 2^-x}). */
    private Expr exponent() {
        if (peek().isOp("-")) {
            next();
            return negativeLiteral() ? new Num(-number(next())) : new Unary(Fn.NEG, exponent());
        }
        return power();
    }

    /** After a minus: is a number next that is not a power's base? Then the minus belongs to it. */
    private boolean negativeLiteral() {
        return peek().kind() == Kind.NUMBER && !tokens.get(pos + 1).isOp("^");
    }

    private Expr atom() {
        Token t = next();
        return switch (t.kind()) {
            case NUMBER -> new Num(number(t));
            case IDENT -> identifier(t);
            case LPAREN -> {
                Expr e = sum();
                expectClose(t);
                yield e;
            }
            case END -> throw error(t, "unexpected end of law: expected a number, name or '('");
            case RPAREN -> throw error(t, "unexpected ')': expected a number, name or '('");
            case PUNCT -> throw error(t, "unexpected '" + t.text() + "': expected a number, name or '('");
            case OP -> throw error(t, "unexpected '" + t.text() + "': expected a number, name or '('");
        };
    }

    private Expr identifier(Token t) {
        Fn fn = Fn.named(t.text());
        if (peek().kind() == Kind.LPAREN) {
            if (fn == null) {
                throw error(t, "unknown function '" + t.text() + "' " + KNOWN);
            }
            Token open = next();
            if (peek().kind() == Kind.RPAREN) {
                throw error(peek(), t.text() + "() needs an argument");
            }
            Expr arg = sum();
            expectClose(open);
            return new Unary(fn, arg);
        }
        if (variables.contains(t.text())) {
            return new Var(t.text());
        }
        if (fn != null) {
            throw error(t, "function '" + t.text() + "' needs an argument in parentheses: " + t.text() + "(...)");
        }
        uses.putIfAbsent(t.text(), t);
        return new Param(t.text());
    }

    private void expectClose(Token open) {
        Token t = peek();
        if (t.kind() != Kind.RPAREN) {
            throw error(t, "expected ')' to close '(' at " + origin.describe(open.line(), open.column(), t.line())
                    + (t.kind() == Kind.END ? "" : ", found '" + t.text() + "'"));
        }
        next();
    }

    private double number(Token t) {
        double v;
        try {
            v = Double.parseDouble(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "not a number: '" + t.text() + "'");
        }
        if (Double.isInfinite(v)) {
            throw error(t, "number out of range: " + t.text());
        }
        return v;
    }

    private ParseException error(Token t, String message) { return origin.error(t.line(), t.column(), message); }

    private Token peek() { return tokens.get(pos); }

    private Token next() { return tokens.get(pos++); }
}
