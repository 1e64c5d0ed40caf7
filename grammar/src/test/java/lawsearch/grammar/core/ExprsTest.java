package lawsearch.grammar.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.parser.LawParser;

class ExprsTest {
    static Expr p(String s) { return LawParser.parse(s, Set.of("N", "D")); }

    @Test
    void sizeAndDepthCountNodesAndLevels() {
        Expr e = p("E + A*N^(-alpha)");
        assertThat(Exprs.size(e)).isEqualTo(8);
        assertThat(Exprs.depth(e)).isEqualTo(5);
        assertThat(Exprs.size(p("N"))).isEqualTo(1);
        assertThat(Exprs.depth(p("N"))).isEqualTo(1);
    }

    @Test
    void aColumnInItsOwnUnitsCountsAsTheColumn() {
        assertThat(Exprs.sizeUnscaled(p("E + A*(N/1e8)^(-alpha) + B*(D/1e10)^(-beta)"))).isEqualTo(Exprs.size(p("E + A*N^(-alpha) + B*D^(-beta)")));
        assertThat(Exprs.sizeUnscaled(p("N/a + D/2"))).isEqualTo(5);   // a constant divisor is no unit
        assertThat(Exprs.sizeUnscaled(p("(N + 1)/1e8"))).isEqualTo(Exprs.size(p("(N + 1)/1e8")));
    }

    @Test
    void logNestingCountsTheLogsOnOnePath() {
        assertThat(Exprs.logNesting(p("E + A*N^(-alpha)"))).isZero();
        assertThat(Exprs.logNesting(p("log(N)*log(D) + log(N)^2"))).isEqualTo(1);
        assertThat(Exprs.logNesting(p("a/log(sqrt(log(N)) + b) + log(D)"))).isEqualTo(2);
        assertThat(Exprs.logNesting(p("log(log(log(log(N))))"))).isEqualTo(4);
    }

    @Test
    void namesComeInOrderOfFirstAppearance() {
        Expr e = p("b*D + a*N^b + log(D)");
        assertThat(Exprs.parameters(e)).containsExactly("b", "a");
        assertThat(Exprs.variables(e)).containsExactly("D", "N");
        assertThat(Exprs.containsParam(e)).isTrue();
        assertThat(Exprs.containsParam(p("N^2 + log(D)"))).isFalse();
    }

    @Test
    void renamingAndSubstitutingTouchOnlyParameters() {
        Expr e = p("a*N + b");
        assertThat(Exprs.renameParams(e, n -> n.equals("a") ? "k" : null)).isEqualTo(p("k*N + b"));
        assertThat(Exprs.substitute(e, Map.of("a", new Num(2))::get)).isEqualTo(p("2*N + b"));
    }
}
