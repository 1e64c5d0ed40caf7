package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import io.jenetics.AnyGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Evaluator;
import io.jenetics.util.ISeq;
import io.jenetics.util.Seq;
import lawsearch.grammar.core.Law;

/**
 * One generation's new laws from every island, scored together. Each island's engine hands its
 * unevaluated offspring to {@link #evaluator()}, which only notes them (their fitness is a
 * placeholder nothing reads: the engine's own statistics are not used, and selection happens in the
 * next generation); once every island has stepped, {@link #score} fits them all as one batch on the
 * pool and writes the fitness back. A batch of every island's offspring keeps the cores busy where
 * one island's handful left them waiting on its slowest fit; and since fitness draws no random
 * number and {@link Fitness#scoreAll} keeps the first of equal laws in list order (islands in
 * order), the search is the same as when each island scored its own.
 */
final class Batch {
    /** What a noted law's fitness reads until the batch is scored. */
    static final double PENDING = Double.MAX_VALUE;

    private final Fitness fitness;
    private final Map<Genotype<AnyGene<Law>>, Law> pending = new IdentityHashMap<>();
    private final List<Genotype<AnyGene<Law>>> order = new ArrayList<>();

    Batch(Fitness fitness) {
        this.fitness = fitness;
    }

    /** The engines' evaluator: notes each unevaluated law (in the order the engines meet them). */
    Evaluator<AnyGene<Law>, Double> evaluator() {
        return (Seq<Phenotype<AnyGene<Law>, Double>> population) -> {
            List<Phenotype<AnyGene<Law>, Double>> pop = new ArrayList<>(population.asList());
            for (int i = 0; i < pop.size(); i++) {
                Phenotype<AnyGene<Law>, Double> p = pop.get(i);
                if (p.nonEvaluated()) {
                    if (pending.put(p.genotype(), p.genotype().gene().allele()) == null) {
                        order.add(p.genotype());
                    }
                    pop.set(i, p.withFitness(PENDING));
                }
            }
            return ISeq.of(pop);
        };
    }

    /**
     * Scores every noted law as one batch and gives each island its fitness back; returns each
     * scored member's score.
     */
    Map<Genotype<AnyGene<Law>>, Score> score(List<Island> islands, ForkJoinPool pool) {
        Map<Genotype<AnyGene<Law>>, Score> scored = new IdentityHashMap<>();
        if (order.isEmpty()) {
            return scored;
        }
        List<Score> scores = fitness.scoreAll(order.stream().map(pending::get).toList(), pool);
        for (int k = 0; k < order.size(); k++) {
            scored.put(order.get(k), scores.get(k));
        }
        islands.forEach(island -> island.assign(scored));
        pending.clear();
        order.clear();
        return scored;
    }
}
