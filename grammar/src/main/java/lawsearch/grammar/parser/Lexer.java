package lawsearch.grammar.parser;

import java.util.ArrayList;
import java.util.List;

/** Splits law text into tokens, each with the 1-based line and column (within the text) it starts at. */
final class Lexer {
    /** {@code PUNCT} is {@code =} or {@code ,}: they only mean something in a where clause. */
    enum Kind { NUMBER, IDENT, OP, LPAREN, RPAREN, PUNCT, END }

    record Token(Kind kind, String text, int line, int column) {
        boolean isOp(String symbol) { return kind == Kind.OP && text.equals(symbol); }

        boolean isPunct(String symbol) { return kind == Kind.PUNCT && text.equals(symbol); }

        boolean isWord(String word) { return kind == Kind.IDENT && text.equals(word); }
    }

    private final String text;
    private final Origin origin;
    private final List<Token> out = new ArrayList<>();
    private int i;
    private int line = 1;
    private int lineStart;

    private Lexer(String text, Origin origin) {
        this.text = text;
        this.origin = origin;
    }

    static List<Token> tokens(String text, Origin origin) {
        Lexer lx = new Lexer(text, origin);
        lx.run();
        return lx.out;
    }

    private void run() {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                i++;
                line++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || c == '.' && isDigit(at(i + 1))) {
                add(Kind.NUMBER, number());
            } else if (isIdentStart(c)) {
                int j = i;
                while (j < text.length() && (isIdentStart(text.charAt(j)) || isDigit(text.charAt(j)))) {
                    j++;
                }
                add(Kind.IDENT, j);
            } else if (c == '*' && at(i + 1) == '*') {
                // Python's ** is our ^: same token, so precedence and errors are identical.
                out.add(new Token(Kind.OP, "^", line, column()));
                i += 2;
            } else if ("+-*/^".indexOf(c) >= 0) {
                add(Kind.OP, i + 1);
            } else if (c == '=' || c == ',') {
                add(Kind.PUNCT, i + 1);
            } else if (c == '(' || c == ')') {
                add(c == '(' ? Kind.LPAREN : Kind.RPAREN, i + 1);
            } else {
                throw origin.error(line, column(), "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", line, column()));
    }

    private void add(Kind kind, int end) {
        out.add(new Token(kind, text.substring(i, end), line, column()));
        i = end;
    }

    private int column() { return i - lineStart + 1; }

    /**
     * End of the number starting at {@code i}: digits and dots, then an optional exponent. A
     * dangling exponent ({@code 2e}, {@code 1e+}) or letters glued on ({@code 2x}) stay in the
     * token, so the parser reports one bad number rather than a puzzling stray name.
     */
    private int number() {
        int j = i;
        while (isDigit(at(j)) || at(j) == '.') {
            j++;
        }
        if (at(j) == 'e' || at(j) == 'E') {
            int k = j + 1;
            if (at(k) == '+' || at(k) == '-') {
                k++;
            }
            j = k;
            while (isDigit(at(j))) {
                j++;
            }
        }
        while (isIdentStart(at(j)) || isDigit(at(j)) || at(j) == '.') {
            j++;
        }
        return j;
    }

    private char at(int k) { return k < text.length() ? text.charAt(k) : '\0'; }

    static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    static boolean isIdentStart(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'; }
}
