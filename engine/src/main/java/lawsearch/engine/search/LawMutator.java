package lawsearch.engine.search;

import java.util.random.RandomGenerator;

import io.jenetics.AnyGene;
import io.jenetics.Mutator;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.operators.Generator;
import lawsearch.grammar.operators.Mutation;
import lawsearch.grammar.operators.MutationWeights;

/** Jenetics' Mutator driving our grammar operators: a gene's law is replaced by a mutated law. */
final class LawMutator extends Mutator<AnyGene<Law>, Double> {
    private final Generator generator;
    private final MutationWeights weights;
    private final double bigJump;

    /**
     * {@code probability}: a gene is mutated; {@code weights}: which operator; {@code bigJump}: a
     * mutated law is mutated once more.
     */
    LawMutator(Generator generator, double probability, MutationWeights weights, double bigJump) {
        super(probability);
        this.generator = generator;
        this.weights = weights;
        this.bigJump = bigJump;
    }

    @Override
    protected AnyGene<Law> mutate(AnyGene<Law> gene, RandomGenerator random) {
        Law law = gene.allele();
        // An operator may not apply (or would break the cap): try others, so an offspring is new.
        for (int attempt = 0; attempt < 8 && law.equals(gene.allele()); attempt++) {
            law = Mutation.random(random, weights).apply(gene.allele(), generator, random);
        }
        if (random.nextDouble() < bigJump) {
            law = Mutation.random(random, weights).apply(law, generator, random);   // an occasional bigger jump
        }
        return gene.newInstance(law);
    }
}
