package lawsearch.grammar.formatter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Expr;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.parser.LawParser;

/** The exact where forms printed: which parts get names, what names, in what order. */
class WhereFormTest {
    static final Set<String> COLUMNS = Set.of("lr", "bsz", "data_size", "params", "N", "D");

    static Expr p(String s) { return LawParser.parse(s, COLUMNS); }

    static final String LR_BSZ = "E + A*params^(-alpha) + k1*(log(lr) - c7 - c8*log(data_size))^2"
            + " + k2*(log(lr) - c7 - c8*log(data_size))*(log(bsz) - c9 - c10*log(data_size))"
            + " + k3*(log(bsz) - c9 - c10*log(data_size))^2";

    @Test
    void namesEachRepeatedDistanceOnce() {
        assertThat(Printer.printWhere(p(LR_BSZ))).isEqualTo("E + A*params^(-alpha) + k1*u_lr^2 + k2*u_lr*u_bsz + k3*u_bsz^2"
                + " where u_lr = log(lr) - c7 - c8*log(data_size), u_bsz = log(bsz) - c9 - c10*log(data_size)");
    }

    /** lr_bsz's reported template: each normalisation written once, first, and used by the distances. */
    @Test
    void aNormalisedColumnWrittenSeveralTimesIsNamedFirst() {
        String bsz = "(log(bsz/100) - c7*log(data_size/1e10) - c9)";
        String lr = "(log(lr/0.001) - c10*log(data_size/1e10) - c12)";
        String law = "E + (c1*" + bsz + "^2 - c2*" + bsz + "*" + lr + " + c3*" + lr + "^2)*(data_size/1e10)^c4 + A*params^(-alpha)";
        WhereForm w = WhereForm.of(p(law));
        assertThat(w.text()).isEqualTo("E + (c1*u_bsz^2 - c2*u_bsz*u_lr + c3*u_lr^2)*d^c4 + A*params^(-alpha)"
                + " where d = data_size/1e10, u_bsz = log(bsz/100) - c7*log(d) - c9,"
                + " u_lr = log(lr/0.001) - c10*log(d) - c12");
        assertThat(w.expanded()).isEqualTo(p(law));
        assertThat(p(w.text())).isEqualTo(p(law));
        // A letter taken (here by a column) gets a number.
        assertThat(Printer.printWhere(p("a*(D/1e9)^b + c*log(D/1e9)"))).isEqualTo("a*d^b + c*log(d) where d = D/1e9");
        assertThat(Printer.printWhere(p("a*(data_size/1e9)^b + c*log(data_size/1e9) + D")))
                .isEqualTo("a*d^b + c*log(d) + D where d = data_size/1e9");
        // Written once, a normalisation stays inline.
        assertThat(Printer.printWhere(p("A*(data_size/1e10)^(-alpha) + B*(params/1e9)^(-beta)")))
                .isEqualTo("A*(data_size/1e10)^(-alpha) + B*(params/1e9)^(-beta)");
    }

    @Test
    void lawFilesPutEachDefinitionOnItsOwnLine() {
        String text = LawFileWriter.write(new LawFile("", Law.of(p(LR_BSZ)), ""));
        assertThat(text).startsWith("""
                # EVOLVE-BLOCK-START
                law: E + A*params^(-alpha) + k1*u_lr^2 + k2*u_lr*u_bsz + k3*u_bsz^2
                  where u_lr = log(lr) - c7 - c8*log(data_size),
                        u_bsz = log(bsz) - c9 - c10*log(data_size)
                loss: mse
                """);
        assertThat(LawFile.parse(text, "best.law", COLUMNS).law().expr()).isEqualTo(p(LR_BSZ));
    }

    @Test
    void lawsWithoutRepeatsPrintAsBefore() {
        for (String law : new String[] {"E + A*N^(-alpha) + B*D^(-beta)", "a*log(N) + b*log(N)", "(N + c)^a*(N + c)^b*(N + c)"}) {
            assertThat(Printer.printWhere(p(law))).as(law).isEqualTo(Printer.print(p(law)));
        }
    }

    /** A column to a constant power reads as plainly as a name would: moe's {@code dense_params^(-gamma)} in both terms stays. */
    @Test
    void aColumnToAConstantPowerIsLeftInline() {
        for (String law : new String[] {"E + A*N^(-g)*X^(-a) + B*N^(-g)*X^(-b)", "A*N^0.5*X + B*N^0.5"}) {
            assertThat(Printer.printWhere(p(law))).as(law).isEqualTo(Printer.print(p(law)));
        }
        // a normalisation written twice is still shown once, as before; the power of it is not named
        assertThat(Printer.printWhere(p("A*(N/1e9)^c1*X + B*(N/1e9)^c1"))).isEqualTo("A*n^c1*X + B*n^c1 where n = N/1e9");
        assertThat(Printer.printWhere(p("A*(N^g + c)*X + B*(N^g + c)"))).isEqualTo("A*u_N*X + B*u_N where u_N = N^g + c");
    }

    @Test
    void repeatsWithoutAVariableAreLeftInline() {
        String law = "(a + b*c)*N + (a + b*c)*D";
        assertThat(Printer.printWhere(p(law))).isEqualTo(Printer.print(p(law)));
    }

    @Test
    void onlyTheLargestRepeatIsNamedWhenTheSmallerRepeatsOnlyInsideIt() {
        assertThat(Printer.printWhere(p("a*exp(-(log(N) - c)^2) + b*exp(-(log(N) - c)^2)")))
                .isEqualTo("a*u_N + b*u_N where u_N = exp(-(log(N) - c)^2)");
    }

    @Test
    void namesAreMadeUniqueAndAvoidTheLawsOwnNames() {
        assertThat(Printer.printWhere(p("u_N*(log(N) - c)^2 + b*(log(N) - c) + (N^a + d)*(N^a + d)")))
                .isEqualTo("u_N*u_N2^2 + b*u_N2 + u_N3*u_N3 where u_N2 = log(N) - c, u_N3 = N^a + d");
        assertThat(WhereForm.of(p("(log(N) - c)^2 + (log(N) - c)"), Set.of("u_N")).text())
                .isEqualTo("u_N2^2 + u_N2 where u_N2 = log(N) - c");
    }
}
