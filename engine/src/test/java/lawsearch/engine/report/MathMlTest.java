package lawsearch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.parser.LawParser;
import lawsearch.grammar.formatter.WhereForm;

/** Readable math: fractions, powers, 10^k for scientific literals, brackets only where needed; names escaped. */
class MathMlTest {
    static String math(String law) { return MathMl.of(LawParser.parse(law, Set.of("N", "D"))); }

    @Test
    void structure() {
        assertThat(math("E + A/N^alpha")).contains("<mfrac>").contains("<msup><mrow><mi>N</mi></mrow><mrow><mi mathvariant=\"italic\">&#x3B1;</mi></mrow></msup>");
        assertThat(math("(N/1e9)^a")).contains("<mo>(</mo><mfrac>").contains("<msup><mn>10</mn><mrow><mn>9</mn></mrow></msup>");
        assertThat(math("a*(N + D)")).contains("<mo>·</mo><mrow><mo>(</mo>");
        assertThat(math("a - (N - D)")).contains("<mo>−</mo><mrow><mo>(</mo>");
        // a leading negative factor needs no brackets, but the product then does after a minus
        assertThat(math("N^(-2*a)")).contains("<mrow><mo>−</mo><mn>2</mn><mo>·</mo><mi mathvariant=\"italic\">a</mi></mrow>");
        assertThat(math("N - -2*a")).contains("<mo>−</mo><mrow><mo>(</mo><mo>−</mo><mn>2</mn>");
        assertThat(math("a*(-N)")).contains("<mo>·</mo><mrow><mo>(</mo><mo>−</mo>");
    }

    /** Decay exponents named by role are set as Greek letters; other names as written. */
    @Test
    void greekNamesAreSetAsLetters() {
        assertThat(math("A*N^(-alpha) + B*D^(-beta) + c*N^omega + sigma*tau")).contains(">&#x3B1;<").contains(">&#x3B2;<")
                .contains(">&#x3C9;<").contains(">&#x3C3;<").contains(">&#x3C4;<").contains(">c<").doesNotContain("alpha");
        assertThat(math("alphabet*N")).contains(">alphabet<");
    }

    @Test
    void aWhereFormShowsItsDefinitionsBelowTheBody() {
        WhereForm w = WhereForm.of(LawParser.parse("a*(log(N) - c)^2 + b*(log(N) - c)", Set.of("N", "D")));
        String html = MathMl.of(w, "law");
        assertThat(html.lines()).hasSize(2);
        assertThat(html).startsWith("<div class=\"law\"><math><mrow><mi mathvariant=\"italic\">a</mi><mo>·</mo><msup><mrow><msub><mi>u</mi><mi>N</mi></msub>")
                .contains("<div class=\"law where\"><math><mrow><mtext>where</mtext><mspace width=\"0.6em\"/><msub><mi>u</mi><mi>N</mi></msub><mo>=</mo><mi>log</mi>");
    }

    @Test
    void withoutDefinitionsTheLawIsOneFormulaAsBefore() {
        String law = "E + A/N^alpha";
        assertThat(MathMl.of(WhereForm.of(LawParser.parse(law, Set.of("N", "D"))), "law")).isEqualTo("<div class=\"law\">" + math(law) + "</div>\n");
    }

    @Test
    void escapesText() {
        assertThat(Html.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
