package lawsearch.grammar.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@code where} clauses: inlined when parsed, so the tree equals the law written out in full. */
class WhereClauseTest {
    static final Set<String> COLUMNS = Set.of("lr", "bsz", "data_size", "params", "N");

    static lawsearch.grammar.core.Expr p(String s) { return LawParser.parse(s, COLUMNS); }

    @Test
    void definitionsAreInlined() {
        assertThat(p("""
                E + A*params^(-alpha) + k1*u_lr^2 + k2*u_lr*u_bsz + k3*u_bsz^2
                  where u_lr = log(lr) - c7 - c8*log(data_size), u_bsz = log(bsz) - c9 - c10*log(data_size)"""))
                .isEqualTo(p("E + A*params^(-alpha) + k1*(log(lr) - c7 - c8*log(data_size))^2"
                        + " + k2*(log(lr) - c7 - c8*log(data_size))*(log(bsz) - c9 - c10*log(data_size))"
                        + " + k3*(log(bsz) - c9 - c10*log(data_size))^2"));
    }

    @Test
    void aDefinitionMayUseEarlierOnes() {
        assertThat(p("a*v + b*u where u = log(N) - c, v = u^2 + u"))
                .isEqualTo(p("a*((log(N) - c)^2 + (log(N) - c)) + b*(log(N) - c)"));
    }

    @Test
    void aNameInsideParenthesesOrAFunctionIsInlinedToo() {
        assertThat(p("exp(-u) + (u) where u = N - c")).isEqualTo(p("exp(-(N - c)) + (N - c)"));
    }

    @Test
    void whereMayStillNameAParameterInsideTheLaw() {
        assertThat(p("a*where")).isEqualTo(new lawsearch.grammar.core.Binary(lawsearch.grammar.core.Op.MUL,
                new lawsearch.grammar.core.Param("a"), new lawsearch.grammar.core.Param("where")));
    }

    @Test
    void errorsPointAtTheOffendingToken() {
        assertError("a*u where u = N - c, u = N", "law, column 22: 'u' is defined twice (first at column 11)");
        assertError("a*N where N = lr + 1", "law, column 11: 'N' is a data column; a where-name must differ from every column");
        assertError("a*u where log = lr", "law, column 11: 'log' is a reserved word; it cannot name a subexpression");
        assertError("a*u where u = u + N", "law, column 15: 'u' is used in its own definition");
        assertError("a*u + v where u = v + N, v = lr - c",
                "law, column 19: 'v' is used before its definition at column 26; a definition may use only earlier ones");
        assertError("a*N where u = lr - c", "law, column 11: 'u' is defined but never used");
        assertError("a*u where u = N - c, v = lr - c", "law, column 22: 'v' is defined but never used");
        assertError("a*u where", "law, column 10: expected a name after 'where', as in 'where u = log(N) - c'");
        assertError("a*u where u = N,", "law, column 17: expected a name after ',', as in 'where u = log(N) - c'");
        assertError("a*u where u N", "law, column 13: expected '=' after 'u'");
        assertError("a*u where u =", "law, column 14: 'u' needs an expression after '='");
        assertError("a*u where u = N b", "law, column 17: unexpected 'b': expected an operator, ',' or the end of the law");
        assertError("a*u where u = N)", "law, column 16: unbalanced ')': no '(' to close");
        assertError("a = b", "law, column 3: unexpected '=': expected an operator");
        assertError("a + , b", "law, column 5: unexpected ',': expected a number, name or '('");
    }

    @Test
    void errorsInALawFileCarryFileLineAndColumn() {
        String file = """
                # EVOLVE-BLOCK-START
                law: a*u_N
                  where u_N = log(N) - c,
                        u_lr = lr
                # EVOLVE-BLOCK-END
                """;
        assertThatThrownBy(() -> LawFile.parse(file, "x.law", COLUMNS)).hasMessage("x.law:4:9: 'u_lr' is defined but never used");
    }

    @Test
    void aLawFileReadsTheClauseOnContinuationLines() {
        String file = """
                # EVOLVE-BLOCK-START
                law: a*u_N^2 + b*u_N
                  where u_N = log(N) - c
                bounds: c >= 0
                # EVOLVE-BLOCK-END
                """;
        assertThat(LawFile.parse(file, "x.law", COLUMNS).law().expr()).isEqualTo(p("a*(log(N) - c)^2 + b*(log(N) - c)"));
    }

    static void assertError(String law, String message) {
        assertThatThrownBy(() -> p(law)).as(law).isInstanceOf(ParseException.class).hasMessage(message);
    }
}
