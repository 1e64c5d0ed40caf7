package lawsearch.evaluator.soundness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.evaluator.data.Dataset;
import lawsearch.evaluator.protocol.FittedLaw;
import lawsearch.grammar.core.Expr;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawParser;

/** A pole between grid points: the grid sees finite values on both sides, the full check does not let it through. */
class PolesTest {

    private static List<String> divisors(String law) {
        Expr e = LawParser.parse(law, Set.of("N", "D"));
        return Poles.divisors(e).stream().map(Printer::print).toList();
    }

    /** The full check's verdict on Chinchilla's law plus {@code term}, fitted on Chinchilla's rows with {@code bounds} besides its own. */
    private static Soundness.Verdict chinchillaPlus(String term, String bounds) {
        Dataset d = SoundnessTest.chinchilla();
        FittedLaw f = SoundnessTest.fit(d, "E + A*params^(-alpha) + B*tokens^(-beta) + " + term,
                "A >= 0; alpha in [0, 2]; B >= 0; beta in [0, 2]; " + bounds);
        return SoundnessTest.check(d, f, List.of("params", "tokens"));
    }

    /**
     * What a law divides by or raises to a negative number or a fitted exponent, when it reads a
     * variable, and what makes each 0 (a power's base, a root's argument, a factor); a quotient of
     * constants is not one.
     */
    @Test
    void divisorsAreThePartsDividedByThatReadAVariable() {
        assertThat(divisors("A/N^alpha/D^beta + B/log(N)/log(D/1e10)"))
                .containsExactlyInAnyOrder("log(D/1e10)", "D^beta", "D", "log(N)", "N^alpha", "N");
        assertThat(divisors("E + A*(N/1e9)^(-0.5) + c1/c2")).containsExactly("N/1e9", "N");
        assertThat(divisors("E + log(D - c1)^(-2)")).containsExactly("log(D - c1)");
        assertThat(divisors("A/log(D/1e10)^2 + B/sqrt(N*log(N))")).containsExactlyInAnyOrder(
                "log(D/1e10)^2", "log(D/1e10)", "sqrt(N*log(N))", "N*log(N)", "N", "log(N)");
        assertThat(divisors("E + A*N^2 + B*log(D)^c")).containsExactly("log(D)");
    }

    /**
     * openclip seed 3's `… /log(samples_seen/1e10)^2`: the square touches 0 at 1e10 without changing
     * sign, so only its base's sign change shows the pole.
     */
    @Test
    void aPoleOfAnEvenPowerIsRejected() {
        Soundness.Verdict v = chinchillaPlus("k/log(tokens/5e9)^2", "k in [1e-8, 2e-8]");
        assertThat(v.finite()).as(v.detail()).isFalse();
        assertThat(v.detail()).contains("infinite where log(tokens/5e9) = 0");
    }

    /** A fitted exponent may be negative: log(tokens/5e9)^c with c fitted below 0 is infinite at 5e9 too. */
    @Test
    void aPoleUnderAFittedExponentIsRejected() {
        Soundness.Verdict v = chinchillaPlus("k*abs(log(tokens/5e9))^c", "k in [1e-8, 2e-8]; c in [-2, -1]");
        assertThat(v.finite()).as(v.detail()).isFalse();
        assertThat(v.detail()).contains("log(tokens/5e9) = 0");
    }

    /**
     * tokens/5e9 has its log change sign between the grid's points 3.1e9 and 9.9e9: every grid
     * value is finite and the small term does not turn the law up, yet the law is infinite at 5e9.
     */
    @Test
    void aPoleInsideTheTrainRangeIsRejected() {
        Soundness.Verdict v = chinchillaPlus("k/log(tokens/5e9)", "k in [0.0001, 0.0002]");
        assertThat(v.finite()).as(v.detail()).isFalse();
        assertThat(v.detail()).contains("infinite where log(tokens/5e9) = 0", "between");
    }

    /**
     * A double root written out, (log(tokens) - log(5e9))^2 as a sum: it touches 0 at 5e9 without
     * changing sign, so no two grid points differ in sign; sampling between them finds it.
     */
    @Test
    void aDoubleRootWrittenOutIsRejected() {
        double l = Math.log(5e9);
        Soundness.Verdict v = chinchillaPlus("k/(log(tokens)^2 - " + (2 * l) + "*log(tokens) + " + (l * l) + ")", "k in [1e-8, 2e-8]");
        assertThat(v.finite()).as(v.detail()).isFalse();
        assertThat(v.detail()).contains("infinite where", "touching 0 without changing sign");
    }

    /** Two roots close together, at 5e9 and 5.5e9, between the same two grid points: the sign changes twice. */
    @Test
    void twoRootsBetweenTheSameGridPointsAreRejected() {
        double a = Math.log(5e9);
        double b = Math.log(5.5e9);
        Soundness.Verdict v = chinchillaPlus("k/(log(tokens)^2 - " + (a + b) + "*log(tokens) + " + (a * b) + ")", "k in [1e-8, 2e-8]");
        assertThat(v.finite()).as(v.detail()).isFalse();
        assertThat(v.detail()).contains("infinite where", "at tokens=5");
    }

    /** A divisor with a minimum well above 0 between grid points is no pole: Chinchilla plus k/(log(tokens/5e9)^2 + 1) stays sound. */
    @Test
    void aDivisorWhoseMinimumStaysAwayFromZeroIsNoPole() {
        Soundness.Verdict v = chinchillaPlus("k/(log(tokens/5e9)^2 + 1)", "k in [1e-8, 2e-8]");
        assertThat(v.finite()).as(v.detail()).isTrue();
    }

    /** Neighbours along each axis of a 2 × 3 grid (rows in mixed radix, last axis fastest): only a sign change between neighbours counts. */
    @Test
    void aSignChangeCountsOnlyBetweenNeighbours() {
        int[] sizes = {2, 3};
        // rows (a, b): (0,0) (0,1) (0,2) (1,0) (1,1) (1,2)
        assertThat(Poles.signChange(new double[] {1, 2, 3, 4, 5, 6}, sizes)).isNull();
        // (0,2) = 3 and (1,0) = -1 are consecutive rows but not neighbours
        assertThat(Poles.signChange(new double[] {1, 2, 3, -1, -2, -3}, sizes)).containsExactly(0, 3);
        assertThat(Poles.signChange(new double[] {1, 2, 0, 1, 2, 3}, sizes)).containsExactly(2, 2);
        assertThat(Poles.signChange(new double[] {1, 2, 3, 1, 2, 3}, sizes)).isNull();
        assertThat(Poles.signChange(new double[] {3, 2, -1, 3, 2, 1}, sizes)).containsExactly(1, 2);
    }
}
