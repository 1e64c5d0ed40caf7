package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.FitSettings;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.parser.LawParser;

class MutationTest {

    /** Each operator on a freshly generated law, for many seeds and both grammars. */
    @Test
    void everyMutationOfAGeneratedLawIsAccepted() {
        for (Grammar g : Valid.GRAMMARS) {
            Generator gen = new Generator(g);
            for (int seed = 0; seed < Valid.SEEDS; seed++) {
                SplittableRandom rng = new SplittableRandom(seed);
                Law law = gen.law(rng);
                for (Mutation m : Mutation.values()) {
                    Law child = m.apply(law, gen, rng);
                    Valid.assertValid(g, child);
                    Valid.assertKeepsBounds(law, child);
                }
            }
        }
    }

    /** Chains of random operators: children of children stay valid too. */
    @Test
    void chainsOfRandomMutationsStayAccepted() {
        for (Grammar g : Valid.GRAMMARS) {
            Generator gen = new Generator(g);
            for (int seed = 0; seed < Valid.SEEDS; seed++) {
                SplittableRandom rng = new SplittableRandom(1000 + seed);
                Law law = gen.law(rng);
                for (int step = 0; step < 10; step++) {
                    Law child = Mutation.random(rng, MutationWeights.DEFAULT).apply(law, gen, rng);
                    Valid.assertValid(g, child);
                    Valid.assertKeepsBounds(law, child);
                    law = child;
                }
            }
        }
    }

    @Test
    void mutationsDoChangeLaws() {
        Generator gen = new Generator(Valid.GRAMMAR);
        Set<Mutation> changed = EnumSet.noneOf(Mutation.class);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Law law = gen.law(rng);
            // A generated law seldom uses a constant twice: untie_param is tried on share_param's child too.
            for (Law parent : List.of(law, Mutation.SHARE_PARAM.apply(law, gen, rng))) {
                for (Mutation m : Mutation.values()) {
                    if (!m.apply(parent, gen, rng).equals(parent)) {
                        changed.add(m);
                    }
                }
            }
        }
        assertThat(changed).containsExactlyInAnyOrder(Mutation.values());
    }

    @Test
    void fitSettingsMutationChangesOnlyTheFit() {
        Generator gen = new Generator(Valid.SCALED);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Law law = gen.law(rng);
            Law child = Mutation.FIT_SETTINGS.apply(law, gen, rng);
            assertThat(child.expr()).isEqualTo(law.expr());
            assertThat(child.bounds()).isEqualTo(law.bounds());
        }
    }

    /** A bowl's slope has bounds of its own: share_param never makes it one constant with a decay exponent. */
    @Test
    void shareParamNeverTiesABowlsSlopeToAnExponent() {
        Generator gen = new Generator(Valid.GRAMMAR);
        Law bowl = new Law(LawParser.parse("E + A*N^c1 + B*(log(D) - c2 - c3*log(N))^2", Set.of("N", "D")),
                Bounds.NONE.with("c1", Generator.EXPONENT).with("c3", Generator.SLOPE), FitSettings.DEFAULT);
        for (int seed = 0; seed < 20; seed++) {
            assertThat(Mutation.SHARE_PARAM.apply(bowl, gen, new SplittableRandom(seed))).isSameAs(bowl);
        }
    }

    /** untie_param undoes share_param: one use of a shared exponent gets an exponent of its own, with the same bounds. */
    @Test
    void untieParamGivesOneUseOfASharedConstantItsOwn() {
        Generator gen = new Generator(Valid.GRAMMAR);
        Law tied = new Law(LawParser.parse("A*N^(-c1) + B*D^(-c1)", Set.of("N", "D")),   // the cap is 4
                Bounds.NONE.with("c1", Generator.EXPONENT), FitSettings.DEFAULT);
        for (int seed = 0; seed < 20; seed++) {
            Law child = Mutation.UNTIE_PARAM.apply(tied, gen, new SplittableRandom(seed));
            assertThat(child.parameters()).hasSize(tied.parameters().size() + 1);
            List<String> exponents = child.parameters().stream().filter(p -> !List.of("A", "B").contains(p)).toList();
            assertThat(exponents).hasSize(2).allSatisfy(p -> assertThat(child.bounds().of(p)).isEqualTo(Generator.EXPONENT));
            String fresh = exponents.stream().filter(p -> !p.equals("c1")).findFirst().orElseThrow();
            assertThat(child.expr()).isIn(
                    LawParser.parse("A*N^(-" + fresh + ") + B*D^(-c1)", Set.of("N", "D")),
                    LawParser.parse("A*N^(-c1) + B*D^(-" + fresh + ")", Set.of("N", "D")));
        }
    }

    @Test
    void anOperatorThatDoesNotApplyReturnsTheLawItself() {
        Generator gen = new Generator(Valid.GRAMMAR);
        Law single = Law.of(LawParser.parse("E", Set.of("N", "D")));
        assertThat(Mutation.DROP_TERM.apply(single, gen, new SplittableRandom(1))).isSameAs(single);
        assertThat(Mutation.NUMBER_TO_PARAM.apply(single, gen, new SplittableRandom(1))).isSameAs(single);
        assertThat(Mutation.PARAM_TO_NUMBER.apply(single, gen, new SplittableRandom(1))).isSameAs(single);
        assertThat(Mutation.SHARE_PARAM.apply(single, gen, new SplittableRandom(1))).isSameAs(single);
        assertThat(Mutation.UNTIE_PARAM.apply(single, gen, new SplittableRandom(1))).isSameAs(single);
        assertThat(Mutation.WRAP.apply(single, gen, new SplittableRandom(1))).isSameAs(single);
        // A law already at the parameter cap: no operator may add a parameter.
        Law full = Law.of(LawParser.parse("a + b*N + c*D + e*N*D", Set.of("N", "D")));
        for (int seed = 0; seed < 50; seed++) {
            for (Mutation m : Mutation.values()) {
                Law child = m.apply(full, gen, new SplittableRandom(seed));
                Valid.assertValid(Valid.GRAMMAR, child);
            }
        }
    }

    @Test
    void mutationIsDeterministicForASeed() {
        Generator gen = new Generator(Valid.GRAMMAR);
        for (int seed = 0; seed < 50; seed++) {
            Law law = gen.law(new SplittableRandom(seed));
            for (Mutation m : Mutation.values()) {
                assertThat(m.apply(law, gen, new SplittableRandom(seed))).isEqualTo(m.apply(law, gen, new SplittableRandom(seed)));
            }
        }
    }
}
