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
