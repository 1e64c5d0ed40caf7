package lawsearch.grammar.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import lawsearch.grammar.core.Bounds;
import lawsearch.grammar.core.Interval;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.Printer;
import lawsearch.grammar.parser.LawParser;

class CrossoverTest {

    @Test
    void childrenOfGeneratedLawsAreAccepted() {
        for (Grammar g : Valid.GRAMMARS) {
            Generator gen = new Generator(g);
            for (int seed = 0; seed < Valid.SEEDS; seed++) {
                SplittableRandom rng = new SplittableRandom(seed);
                Law receiver = gen.law(rng);
                Law donor = gen.law(rng);
                Law child = Crossover.cross(receiver, donor, g, rng);
                Valid.assertValid(g, child);
                Valid.assertKeepsBounds(receiver, child);
                Valid.assertValid(g, Crossover.cross(receiver, receiver, g, rng));
            }
        }
    }

    @Test
    void childrenOfMutatedLawsAreAccepted() {
        Generator gen = new Generator(Valid.SCALED);
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            SplittableRandom rng = new SplittableRandom(5000 + seed);
            Law a = Mutation.random(rng, MutationWeights.DEFAULT).apply(gen.law(rng), gen, rng);
            Law b = Mutation.random(rng, MutationWeights.DEFAULT).apply(gen.law(rng), gen, rng);
            Valid.assertValid(Valid.SCALED, Crossover.cross(a, b, Valid.SCALED, rng));
        }
    }

    @Test
    void theDonorsParametersAreRenamedApartAndBringTheirBounds() {
        Set<String> vars = Set.of("N", "D");
        Law receiver = Law.of(LawParser.parse("E + A*N", vars));
        Law donor = new Law(LawParser.parse("E + A*D^alpha", vars), Bounds.NONE.with("alpha", new Interval(-4, 4)), receiver.fit());
        Grammar g = Grammar.builder(java.util.List.of("N", "D")).maxParams(6).build();
        boolean sawGift = false;
        for (int seed = 0; seed < Valid.SEEDS; seed++) {
            Law child = Crossover.cross(receiver, donor, g, new SplittableRandom(seed));
            Valid.assertValid(g, child);
            String text = Printer.print(child.expr());
            if (child.variables().contains("D")) {
                sawGift = true;
                Set<String> fresh = new HashSet<>(child.parameters());
                fresh.removeAll(receiver.parameters());
                assertThat(fresh).as(text).isNotEmpty().doesNotContain("alpha");
                // The donor's exponent comes along under its new name, with its bounds.
                assertThat(child.bounds().byParam().values()).as(text).contains(new Interval(-4, 4));
                assertThat(child.bounds().byParam().keySet()).as(text).isSubsetOf(fresh);
            }
        }
        assertThat(sawGift).isTrue();
    }

    @Test
    void crossoverIsDeterministicForASeed() {
        Generator gen = new Generator(Valid.GRAMMAR);
        for (int seed = 0; seed < 50; seed++) {
            Law a = gen.law(new SplittableRandom(seed));
            Law b = gen.law(new SplittableRandom(seed + 1000));
            assertThat(Crossover.cross(a, b, Valid.GRAMMAR, new SplittableRandom(seed)))
                    .isEqualTo(Crossover.cross(a, b, Valid.GRAMMAR, new SplittableRandom(seed)));
        }
    }
}
