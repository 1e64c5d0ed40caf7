package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.Op;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.simplify.Canonical;

class GeneratorTest {

    @Test
    void generatedLawsAreAcceptedByTheGrammar() {
        for (Grammar g : Valid.GRAMMARS) {
            Generator gen = new Generator(g);
            for (int seed = 0; seed < Valid.SEEDS; seed++) {
                Valid.assertValid(g, gen.law(new SplittableRandom(seed)));
            }
        }
    }

    /** With columns named E and c1 (reserved), the floor and every constant take other names, in every shape the generator draws. */
    @Test
    void noConstantTakesAReservedName() {
        Grammar g = Grammar.builder(List.of("p1", "p2", "p3")).reserved(List.of("E", "c1")).maxParams(7).maxTerms(5).maxSize(45)
                .maxDepth(12).build();
        Generator gen = new Generator(g);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Valid.assertValid(g, gen.law(new SplittableRandom(seed)));
            Valid.assertValid(g, gen.additive(new SplittableRandom(seed)));
        }
        Valid.assertValid(g, gen.simplest());
        assertThat(new Generator(Valid.RESERVED).simplest().parameters()).containsExactly("c3", "c5", "c6");
    }

    @Test
    void manyLawsFromOneStreamAreAccepted() {
        Generator gen = new Generator(Valid.GRAMMAR);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            Valid.assertValid(Valid.GRAMMAR, gen.law(rng));
        }
    }

    @Test
    void additiveLawsGiveEveryVariableOneTermAndStayInTheGrammar() {
        Grammar mixture = Grammar.builder(List.of("p1", "p2", "p3", "p4")).maxParams(7).maxTerms(5).maxSize(45).maxDepth(12).build();
        Generator gen = new Generator(mixture);
        Set<String> shapes = new HashSet<>();
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Law law = gen.additive(new SplittableRandom(seed));
            assertThat(lawsearch.grammar.core.Exprs.variables(law.expr())).containsExactlyInAnyOrder("p1", "p2", "p3", "p4");
            assertThat(law.parameters().size()).isBetween(5, 7);
            Valid.assertValid(mixture, law);
            shapes.add(Printer.print(law.expr()).replaceAll("c\\d+", "c"));
        }
        assertThat(shapes).anyMatch(s -> s.contains("exp(")).anyMatch(s -> s.contains("log(")).anyMatch(s -> s.contains("sqrt("));
        Grammar withScale = Grammar.builder(List.of("N", "D", "lr")).maxParams(7).maxTerms(4).maxSize(45)
                .scaleVariables(List.of("N", "D")).build();
        for (int seed = 0; seed < Valid.SEEDS; seed++) {   // never exp along a scale variable
            assertThat(Printer.print(new Generator(withScale).additive(new SplittableRandom(seed)).expr())).doesNotContain("exp(");
        }
    }

    @Test
    void noExpOfAScaleOrLogSweptVariable() {
        Grammar g = Grammar.builder(List.of("N", "bsz", "p")).maxParams(8).maxTerms(4).maxSize(45).maxDepth(12)
                .scaleVariables(List.of("N")).logSwept(List.of("bsz")).build();
        Generator gen = new Generator(g);
        SplittableRandom rng = new SplittableRandom(5);
        boolean sawExpOfP = false;
        for (int i = 0; i < 2000; i++) {
            Law law = gen.law(rng);
            for (int k = 0; k < 3; k++) {
                law = Mutation.random(rng, MutationWeights.DEFAULT).apply(law, gen, rng);
            }
            for (String exp : expArguments(Printer.print(law.expr()))) {
                assertThat(exp).doesNotContain("N").doesNotContain("bsz");
                sawExpOfP |= exp.contains("p");
            }
        }
        assertThat(sawExpOfP).as("exp stays available for bounded variables").isTrue();
    }

    /**
     * A setting swept on a log scale beside scale variables (a learning rate beside N) gets bowls
     * whose bottom moves with a scale variable, {@code (log(lr/0.001) - c - c*log(N/1e9))^2}; with no
     * scale variable, or for the scale variables themselves, no bowl is drawn.
     */
    @Test
    void aLogSweptSettingGetsABowlWhoseBottomMovesWithScale() {
        Grammar g = Grammar.builder(List.of("N", "lr")).scale("N", 1e9).scale("lr", 0.001).maxParams(8).maxTerms(4)
                .maxSize(45).maxDepth(12).scaleVariables(List.of("N")).logSwept(List.of("N", "lr")).build();
        Generator gen = new Generator(g);
        String bowl = "(log(lr/0.001) - (c + c*log(N/1e9)))^2";
        Set<String> seen = new HashSet<>();
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Law law = gen.law(new SplittableRandom(seed));
            Valid.assertValid(g, law);
            seen.add(Printer.print(law.expr()).replaceAll("c\\d+", "c"));
        }
        assertThat(seen).anyMatch(s -> s.contains(bowl)).noneMatch(s -> s.contains("(log(N/1e9) - ("));
        Grammar noScale = Grammar.builder(List.of("N", "lr")).scale("N", 1e9).scale("lr", 0.001).maxParams(8).maxTerms(4)
                .maxSize(45).maxDepth(12).logSwept(List.of("N", "lr")).build();
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            assertThat(Printer.print(new Generator(noScale).law(new SplittableRandom(seed)).expr())).doesNotContain("(log(lr/0.001) - (");
        }
    }

    /** The text inside each exp(...) of a printed law. */
    private static List<String> expArguments(String law) {
        List<String> out = new java.util.ArrayList<>();
        for (int at = law.indexOf("exp("); at >= 0; at = law.indexOf("exp(", at + 1)) {
            int depth = 0;
            int end = at + 3;
            do {
                char c = law.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } while (depth > 0);
            out.add(law.substring(at + 4, end - 1));
        }
        return out;
    }

    @Test
    void generatedLawsVary() {
        Generator gen = new Generator(Valid.GRAMMAR);
        Set<Long> forms = new HashSet<>();
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            forms.add(Canonical.hash(gen.law(new SplittableRandom(seed)).expr()));
        }
        assertThat(forms.size()).isGreaterThan(Valid.SEEDS / 5);
    }

    @Test
    void generationIsDeterministicForASeed() {
        Generator gen = new Generator(Valid.GRAMMAR);
        for (int seed = 0; seed < 50; seed++) {
            assertThat(gen.law(new SplittableRandom(seed))).isEqualTo(gen.law(new SplittableRandom(seed)));
        }
    }

    @Test
    void lawsUseTheNormalisedScaleVariableAndBoundedExponents() {
        Generator gen = new Generator(Valid.GRAMMAR);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Law law = gen.law(new SplittableRandom(seed));
            String text = Printer.print(law.expr());
            if (law.variables().contains("N")) {
                assertThat(text).as(text).contains("N/1e9");
            }
            law.bounds().byParam().values().forEach(i -> assertThat(i).isIn(Generator.EXPONENT, Generator.SHIFT, Generator.SLOPE));
        }
    }

    @Test
    void generatedLawsSurviveALawFileRoundTrip() {
        Generator gen = new Generator(Valid.GRAMMAR);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            LawFile f = new LawFile("# seed " + seed + "\n", gen.law(new SplittableRandom(seed)), "");
            assertThat(LawFile.parse(LawFileWriter.write(f), "gen.law", Set.copyOf(Valid.GRAMMAR.variables()))).isEqualTo(f);
        }
    }

    @Test
    void theSimplestLawIsAPowerLawInTheFirstScaleVariable() {
        Law simplest = new Generator(Valid.GRAMMAR).simplest();
        assertThat(Printer.print(simplest.expr())).isEqualTo("E + c1*(N/1e9)^c2");
        assertThat(simplest.bounds().of("c2")).isEqualTo(new Interval(-4, 4));
        Valid.assertValid(Valid.GRAMMAR, simplest);
        Grammar dFirst = Grammar.builder(List.of("N", "D")).scaleVariables(List.of("D")).build();
        assertThat(Printer.print(new Generator(dFirst).simplest().expr())).isEqualTo("E + c1*D^c2");
    }

    /**
     * With a cap of 2 parameters, seed 10 exhausts the 50 attempts and gets the fallback
     * {@code E + c1*(N/1e9)^c2}: 3 parameters, which the grammar rejects (23 of 300 seeds do).
     * Engine grammars get such caps: Grammars.forData divides max_params by the number of targets.
     */
    @Test
    void generatedLawsRespectASmallParameterCap() {
        Grammar two = Grammar.builder(List.of("N", "D")).scale("N", 1e9).maxParams(2).maxSize(30).build();
        Generator gen = new Generator(two);
        Valid.assertValid(two, gen.law(new SplittableRandom(10)));
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Valid.assertValid(two, gen.law(new SplittableRandom(seed)));
        }
    }

    /**
     * Generator.factor returns a power exactly when the grammar lacks ^ (the condition reads
     * {@code u < 0.45 || !operators.contains(POW)}), and the fallback is a power too: every law
     * it makes for a grammar without ^ is rejected, e.g. seed 0 gives {@code E + c1*N^c2}.
     */
    @Test
    void generatedLawsRespectTheOperatorSet() {
        Grammar noPower = Grammar.builder(List.of("N", "D")).operators(EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV)).build();
        Generator gen = new Generator(noPower);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Valid.assertValid(noPower, gen.law(new SplittableRandom(seed)));
        }
    }
}
