package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Fn;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Num;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.core.Var;
import lawsearch.grammar.parser.LawParser;

class GrammarTest {
    static final Grammar G = Valid.GRAMMAR;

    static Law law(String s) { return Law.of(LawParser.parse(s, Set.of("N", "D", "X"))); }

    @Test
    void acceptsLawsWithinItsLimits() {
        assertThat(G.accepts(law("E + A*(N/1e9)^(-alpha) + B*D^2"))).isTrue();
        assertThat(G.accepts(law("log(N) + sqrt(D) + exp(-N)"))).isTrue();
        assertThat(G.accepts(law("a + b + c + d"))).isTrue();
    }

    @Test
    void rejectsUnknownVariablesFunctionsAndOperators() {
        assertThat(G.accepts(law("a*X"))).isFalse();
        assertThat(G.accepts(law("a*tanh(N)"))).isFalse();
        assertThat(G.accepts(law("a*abs(N)"))).isFalse();
        Grammar noPow = Grammar.builder(List.of("N")).operators(EnumSet.of(Op.ADD, Op.MUL)).build();
        assertThat(noPow.accepts(law("a*N"))).isTrue();
        assertThat(noPow.accepts(law("a*N^b"))).isFalse();
        assertThat(noPow.accepts(law("a - N"))).isFalse();
        Grammar withTanh = Grammar.builder(List.of("N")).functions(EnumSet.of(Fn.TANH)).build();
        assertThat(withTanh.accepts(law("tanh(-N)"))).isTrue();
        assertThat(withTanh.accepts(law("log(N)"))).isFalse();
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThat(G.accepts(Law.of(Expr.mul(new Num(Double.POSITIVE_INFINITY), new Var("N"))))).isFalse();
        assertThat(G.accepts(Law.of(Expr.mul(new Num(Double.NaN), new Var("N"))))).isFalse();
    }

    @Test
    void rejectsLawsOverTheParameterCapSizeOrDepth() {
        assertThat(G.accepts(law("a + b + c + d*N"))).isTrue();
        assertThat(G.accepts(law("a + b + c + d + e*N"))).isFalse();
        String big = "a*N^2 + a*D^2 + b*N^3 + b*D^3 + c*N^4";      // 29 nodes, depth 7
        assertThat(G.accepts(law(big))).isTrue();
        assertThat(G.accepts(law(big + " + D"))).isFalse();        // 31 nodes
        Grammar shallow = Grammar.builder(List.of("N")).maxDepth(3).build();
        assertThat(shallow.accepts(law("a*N + b"))).isTrue();
        assertThat(shallow.accepts(law("a*log(N) + b"))).isFalse();
    }

    @Test
    void rejectsALogOfALogUnlessTheGrammarAllowsIt() {
        assertThat(G.accepts(law("a*log(N)*log(D) + b*log(N)^2"))).isTrue();
        assertThat(G.accepts(law("a/log(log(N))"))).isFalse();
        assertThat(G.accepts(law("a*log(sqrt(log(N)) + b)"))).as("through other functions too").isFalse();
        Grammar nested = Grammar.builder(List.of("N")).maxLogNesting(2).build();
        assertThat(nested.accepts(law("a/log(log(N))"))).isTrue();
        assertThat(nested.accepts(law("a/log(log(log(N)))"))).isFalse();
        assertThat(G.admitting(List.of(law("a/log(log(N))"))).accepts(law("b*log(log(D))")))
                .as("a seed law with a log of a log admits the form").isTrue();
    }

    @Test
    void admittingRaisesTheLimitsASeedNeedsAndNothingElse() {
        Law seed = law("a*N^2 + a*D^2 + b*N^3 + b*D^3 + c*N^4 + d*D^4 + e*N^5");   // 41 nodes, 5 constants
        Law tanh = law("a*tanh(N)");
        assertThat(G.accepts(seed)).isFalse();
        Grammar wide = G.admitting(List.of(seed, tanh));
        assertThat(wide.accepts(seed)).isTrue();
        assertThat(wide.accepts(tanh)).as("functions are not widened").isFalse();
        assertThat(wide.maxSize()).isEqualTo(41);
        assertThat(wide.maxParams()).isEqualTo(5);
        assertThat(wide.maxTerms()).isEqualTo(G.maxTerms());
        assertThat(G.admitting(List.of(law("a*N")))).isEqualTo(G);
        Grammar fixed = Grammar.builder(List.of("N")).build();   // D not drawn (one value in every row), named by a seed
        assertThat(fixed.accepts(law("a*N^b*D"))).isFalse();
        assertThat(fixed.admitting(List.of(law("a*N^b*D"))).variables()).containsExactly("N", "D");
        assertThat(fixed.admitting(List.of(law("a*N^b*D"))).accepts(law("a*N^b*D"))).isTrue();
        assertThat(G.expresses(seed)).isTrue();
        assertThat(G.expresses(tanh)).isFalse();
    }

    @Test
    void normalisedDividesByTheTypicalScale() {
        assertThat(G.normalised("N")).isEqualTo(Expr.div(new Var("N"), new Num(1e9)));
        assertThat(G.normalised("D")).isEqualTo(new Var("D"));
        assertThat(Grammar.builder(List.of("N")).scale("N", 1.0).build().normalised("N")).isEqualTo(new Var("N"));
    }

    @Test
    void builderDefaultsAndChecks() {
        Grammar g = Grammar.builder(List.of("N")).build();
        assertThat(g.functions()).containsExactlyInAnyOrder(Fn.NEG, Fn.LOG, Fn.EXP, Fn.SQRT);
        assertThat(g.operators()).containsExactlyInAnyOrder(Op.values());
        assertThat(g.maxSize()).isEqualTo(40);
        assertThat(g.maxDepth()).isEqualTo(9);
        assertThat(g.maxParams()).isEqualTo(8);
        assertThat(g.maxTerms()).isEqualTo(4);
        assertThat(g.maxLogNesting()).isEqualTo(1);
        assertThat(g.scaleVariables()).isEmpty();
        assertThat(Grammar.builder(List.of("N")).functions(EnumSet.noneOf(Fn.class)).build().functions()).containsExactly(Fn.NEG);
        assertThatThrownBy(() -> Grammar.builder(List.of()).build()).isInstanceOf(IllegalArgumentException.class);
    }
}
