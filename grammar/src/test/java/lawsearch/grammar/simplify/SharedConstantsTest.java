package lawsearch.grammar.simplify;

import static lawsearch.grammar.simplify.ReadableCases.assertNotLonger;
import static lawsearch.grammar.simplify.ReadableCases.assertSameValues;
import static lawsearch.grammar.simplify.ReadableCases.assertShorter;
import static lawsearch.grammar.simplify.ReadableCases.from;
import static lawsearch.grammar.simplify.ReadableCases.law;
import static lawsearch.grammar.simplify.ReadableCases.print;
import static lawsearch.grammar.simplify.ReadableCases.readable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

/**
 * Readable.of where a constant stands at several places: a merge at one place would split its value,
 * so the law is rewritten at all of them at once or written with the product spelled out.
 */
class SharedConstantsTest {

    @Test
    void aRootOfAPowerOfARootIsOnePowerWhereItsExponentIsSharedWithTheBase() {
        // pythia_lambada seed 0: c6 is the decay inside and the power outside, so sqrt(sqrt(S)^c6) cannot
        // become S^k with k new (c6 stays in S: one more parameter); written S^(0.25*c6), it is as long, without roots.
        Set<String> vars = Set.of("params", "tokens");
        String text = "sqrt(sqrt(c4*sqrt((params/1e9)^(-c6)) + c4*(tokens/1e11)^(-c6))^c6) + c1*params^(-1)";
        Map<String, Interval> fitted = Map.of("c1", new Interval(1.8e8, 1.9e8), "c4", new Interval(5, 6), "c6", new Interval(1.0, 1.1));
        Readable r = readable(text, vars, fitted, v -> from(1e7));
        assertThat(print(r)).isEqualTo("A/params + B*(sqrt(params/1e9)^(-c1) + (tokens/1e11)^(-c1))^(0.25*c1)");
        assertSameValues(text, vars, r, Map.of("c1", 1.9e8, "c4", 5.8, "c6", 1.09));
        assertShorter(text, vars, r);
    }

    @Test
    void aPowerOfAPowerWithAnExponentUsedElsewhereIsOnePowerOfTheirProduct() {
        // pythia_lambada seed 2: ((tokens/1e11)^(-c6))^2, c6 also the outer power, reads (tokens/1e11)^(-2*c1).
        Set<String> vars = Set.of("params", "tokens");
        String text = "A/params + sqrt(c4/(params/1e9)^c1 + c4*((tokens/1e11)^(-c6))^2)^c6";
        Map<String, Interval> fitted = Map.of("A", new Interval(1.8e8, 1.9e8), "c1", new Interval(0.3, 0.4), "c4", new Interval(5, 6),
                "c6", new Interval(1.0, 1.1));
        Readable r = readable(text, vars, fitted, v -> from(1e7));
        assertThat(print(r)).isEqualTo("A/params + B*sqrt((params/1e9)^(-alpha) + (tokens/1e11)^(-2*c1))^c1");
        assertSameValues(text, vars, r, Map.of("A", 1.9e8, "c1", 0.35, "c4", 5.8, "c6", 1.09));
        assertNotLonger(text, vars, r);
    }

    @Test
    void anExponentThatMeetsItselfInAPowerOfAPowerIsSquared() {
        // openclip_error seed 3: (sqrt(S)^c4)^c4, c4 also the log's power, printed sqrt(samples_seen)^(c1*c1).
        Set<String> vars = Set.of("gmacs_per_sample", "samples_seen");
        String text = "c3/((sqrt(samples_seen)^c4)^c4/log(gmacs_per_sample)^c4)";
        Map<String, Interval> fitted = Map.of("c3", new Interval(1.2, 3.8), "c4", new Interval(-0.42, -0.27));
        Readable r = readable(text, vars, fitted, v -> from(v.equals("samples_seen") ? 1e9 : 10));
        assertThat(print(r)).isEqualTo("A*log(gmacs_per_sample)^c1/sqrt(samples_seen)^(c1^2)");
        assertSameValues(text, vars, r, Map.of("c3", 2.7, "c4", -0.38));
        assertNotLonger(text, vars, r);
    }

    @Test
    void aDecayATermInsideDividesByIsNamed() {
        // pythia_lambada seed 1 printed (A*(params/1e9)^(-alpha) + A/(tokens/1e11)^c1)^c2 + B/tokens^2, c1 fitted above 0.
        Set<String> vars = Set.of("params", "tokens");
        String text = "(a*(params/1e9)^(-d) + a/(tokens/1e11)^f)^g + b/tokens^2";
        Map<String, Interval> fitted = Map.of("a", new Interval(3.4, 4.7), "d", new Interval(1.0, 1.2), "f", new Interval(0.5, 0.6),
                "g", new Interval(0.3, 0.4), "b", new Interval(2.9e19, 3.3e19));
        Readable r = readable(text, vars, fitted, v -> from(1e7));
        assertThat(print(r)).isEqualTo("A*((params/1e9)^(-alpha) + (tokens/1e11)^(-beta))^c1 + B/tokens^2");
    }

    @Test
    void anAmplitudeTiedAcrossASumLeavesItsRootWithItsBound() {
        // pythia_lambada at 30 s, seed 1: sqrt(A*(params/1e9)^(-c1) + A/(tokens/1e11)^alpha)^c1 + …, A >= 0.
        Set<String> vars = Set.of("params", "tokens");
        String text = "sqrt(a*(params/1e9)^(-c) + a/(tokens/1e11)^d)^c + b/tokens^f";
        Map<String, Double> fit = Map.of("a", 4.2, "c", 0.7, "d", 0.5, "b", 3e19, "f", 2.0);
        Law law = new Law(LawParser.parse(text, vars), lawsearch.grammar.parser.BoundsParser.parse("a >= 0; c in [0, 3]"),
                FitSettings.DEFAULT);
        Readable r = Readable.of(law, v -> from(1e7), List.of(fit));
        assertThat(print(r)).isEqualTo("A*sqrt((params/1e9)^(-c1) + (tokens/1e11)^(-alpha))^c1 + B*tokens^(-beta)");
        assertThat(r.law().bounds().of("A")).isEqualTo(from(0));   // A = a^(c/2), a >= 0: so is A
        assertSameValues(text, vars, r, fit);
    }

    @Test
    void anExponentSharedByEveryTermAndFittedBelowZeroReadsAsADecay() {
        // data_constrained (replay, seed 1): one exponent for all three terms, fitted at -0.77.
        Set<String> vars = Set.of("params", "tokens", "unique_tokens");
        String text = "E + sqrt(a*params^c + b*tokens^c + d*unique_tokens^c)";
        List<Map<String, Double>> fits = List.of(Map.of("E", 2.05, "a", 2.1e6, "b", 3.1e6, "d", 3.5e7, "c", -0.77),
                Map.of("E", 2.0, "a", 2.6e6, "b", 3.9e6, "d", 3.1e7, "c", -0.72));
        Law law = new Law(LawParser.parse(text, vars), new Bounds(Map.of("c", new Interval(-4, 4))), FitSettings.DEFAULT);
        Readable r = Readable.of(law, v -> from(1e6), fits);
        assertThat(print(r)).isEqualTo("E + sqrt(A*params^(-alpha) + B*tokens^(-alpha) + C*unique_tokens^(-alpha))");
        assertThat(r.law().bounds().of("alpha")).isEqualTo(new Interval(-4, 4));
        assertSameValues(text, vars, r, Map.of("E", 2.05, "a", 2.1e6, "b", 3.1e6, "d", 3.5e7, "c", -0.77));
    }

    @Test
    void anExponentUsedAlsoOutsideADecayKeepsItsSign() {
        // c is also the outer power, so writing its decays as divisors would need c and -c side by side.
        Set<String> vars = Set.of("params", "tokens");
        String text = "(a*params^c + b*tokens^c)^c";
        Readable r = Readable.of(law(text, vars), v -> from(1e6), List.of(Map.of("a", 2.5, "b", 3.5, "c", -0.75)));
        assertThat(print(r)).doesNotContain("/");
        assertSameValues(text, vars, r, Map.of("a", 2.5, "b", 3.5, "c", -0.75));
    }

    @Test
    void aPairOfConstantsUsedOnlyTogetherIsOneConstant() {
        // a stress sweep with logged sizes: c1 and c2 only ever meet as (x^c1)^c2
        Set<String> vars = Set.of("log10_params", "log10_tokens");
        String text = "((log10_params/10)^c1)^c2 + b*(log10_tokens^c1)^c2";
        Map<String, Interval> fitted = Map.of("c1", new Interval(-2, -1), "c2", new Interval(0.5, 0.6), "b", new Interval(3, 4));
        Readable r = readable(text, vars, fitted, v -> from(7));
        assertThat(print(r)).isEqualTo("(log10_params/10)^c1 + A*log10_tokens^c1");
        assertSameValues(text, vars, r, Map.of("c1", -1.5, "c2", 0.55, "b", 3.5));
        assertShorter(text, vars, r);
    }

    @Test
    void aPairOfConstantsOneOfWhichIsAlsoUsedAloneStaysAPair() {
        Set<String> vars = Set.of("log10_params", "log10_tokens");
        String text = "((log10_params/10)^c1)^c2 + b*log10_tokens^c1";
        Map<String, Interval> fitted = Map.of("c1", new Interval(-2, -1), "c2", new Interval(0.5, 0.6), "b", new Interval(3, 4));
        Readable r = readable(text, vars, fitted, v -> from(7));
        assertThat(r.law().parameters()).hasSize(3);
        assertSameValues(text, vars, r, Map.of("c1", -1.5, "c2", 0.55, "b", 3.5));
    }
}
