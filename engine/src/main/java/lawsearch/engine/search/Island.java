package lawsearch.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.jenetics.AnyGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;
import lawsearch.grammar.core.Law;

/** One sub-population evolving under its own Jenetics engine; islands exchange migrants. */
final class Island {
    private final Engine<AnyGene<Law>, Double> engine;
    private EvolutionStart<AnyGene<Law>, Double> start;

    Island(Engine<AnyGene<Law>, Double> engine, ISeq<Phenotype<AnyGene<Law>, Double>> initial) {
        this.engine = engine;
        this.start = EvolutionStart.of(initial, 1);
    }

    /** An island continuing from a saved state (a checkpoint). */
    Island(Engine<AnyGene<Law>, Double> engine, ISeq<Phenotype<AnyGene<Law>, Double>> population, long generation) {
        this.engine = engine;
        this.start = EvolutionStart.of(population, generation);
    }

    /**
     * Evolves one generation. The next start counts one generation on: Jenetics ages phenotypes by
     * it, and {@code toEvolutionStart()} would keep the generation where it was, so no phenotype
     * ever aged and the engine's maximal phenotype age never retired one.
     */
    void step() {
        EvolutionResult<AnyGene<Law>, Double> r = engine.evolve(start);
        start = EvolutionStart.of(r.population(), start.generation() + 1);
    }

    /** The n best individuals (lowest fitness), in a deterministic order. */
    List<Phenotype<AnyGene<Law>, Double>> best(int n) {
        return sorted().subList(0, Math.min(n, start.population().size()));
    }

    /** Replaces the n worst individuals by {@code migrants}. */
    void receive(List<Phenotype<AnyGene<Law>, Double>> migrants) {
        List<Phenotype<AnyGene<Law>, Double>> pop = sorted();
        int keep = pop.size() - migrants.size();
        List<Phenotype<AnyGene<Law>, Double>> next = new ArrayList<>(pop.subList(0, Math.max(0, keep)));
        next.addAll(migrants);
        start = EvolutionStart.of(ISeq.of(next), start.generation());
    }

    /** Replaces the whole population (a restart); the generation count goes on. */
    void restart(ISeq<Phenotype<AnyGene<Law>, Double>> population) {
        start = EvolutionStart.of(population, start.generation());
    }

    ISeq<Phenotype<AnyGene<Law>, Double>> population() { return start.population(); }

    /**
     * Gives members whose genotype {@code scores} holds (by identity) that score's fitness: a {@link
     * Batch} scored them after the island stepped. Every member is evaluated afterwards.
     */
    void assign(Map<Genotype<AnyGene<Law>>, Score> scores) {
        update((i, p) -> {
            Score s = scores.get(p.genotype());
            return s == null ? p : p.withFitness(s.fitness());
        });
    }

    /** Sets member i's fitness to {@code values[i]}, in population order ({@link Crowding}). */
    void refit(double[] values) {
        update((i, p) -> p.withFitness(values[i]));
    }

    /** Replaces each member i by {@code change(i, member)}. */
    private void update(BiFunction<Integer, Phenotype<AnyGene<Law>, Double>, Phenotype<AnyGene<Law>, Double>> change) {
        List<Phenotype<AnyGene<Law>, Double>> pop = new ArrayList<>(start.population().asList());
        for (int i = 0; i < pop.size(); i++) {
            pop.set(i, change.apply(i, pop.get(i)));
        }
        start = EvolutionStart.of(ISeq.of(pop), start.generation());
    }

    /** The generation the engine evolves next. */
    long generation() { return start.generation(); }

    private List<Phenotype<AnyGene<Law>, Double>> sorted() {
        List<Phenotype<AnyGene<Law>, Double>> pop = new ArrayList<>(start.population().asList());
        pop.sort(Comparator.comparing((Phenotype<AnyGene<Law>, Double> p) -> p.isEvaluated() ? p.fitness() : Double.MAX_VALUE));
        return pop;
    }
}
