package lawsearch.engine.search;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.jenetics.AnyGene;
import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import lawsearch.grammar.core.Law;

/**
 * Laws that predict alike count as one in selection. Late in a run about half of every island held
 * copies of its fittest law: the same law under other parameter names, or decorated by a node that
 * changes nothing (data_constrained, 6 minutes: 22 to 25 of 48 members per island shared the
 * fittest law's validation error). Tournaments then chose mostly between copies, and the island
 * searched little else.
 *
 * <p>After each generation, every island's members are grouped by validation error, equal to a
 * relative 1e-5: the same predictions, perhaps fitted from other starts. The fittest member of
 * each group keeps its score's fitness; the others are charged {@code charge} more. The charge is
 * worked out afresh each generation from the scores, never from charged values, so when a group's
 * fittest member dies a copy takes its place. It depends only on the islands' members, in order,
 * and their scores, which is what a checkpoint restores: determinism and exact resume hold.
 */
final class Crowding {
    private final double charge;
    /** Each live member's score, by genotype identity (copies across islands share one). */
    private final Map<Genotype<AnyGene<Law>>, Score> scores = new IdentityHashMap<>();

    Crowding(double charge) {
        this.charge = charge;
    }

    /** Notes the scores of members new to the islands. */
    void note(Map<Genotype<AnyGene<Law>>, Score> scored) {
        scores.putAll(scored);
    }

    /** Sets every island member's fitness: its score's, plus the charge unless it leads its group. */
    void apply(List<Island> islands) {
        Map<Genotype<AnyGene<Law>>, Score> live = new IdentityHashMap<>();
        for (Island island : islands) {
            List<Phenotype<AnyGene<Law>, Double>> pop = island.population().asList();
            Score[] own = new Score[pop.size()];
            for (int i = 0; i < own.length; i++) {
                own[i] = scores.get(pop.get(i).genotype());
                if (own[i] != null) {
                    live.put(pop.get(i).genotype(), own[i]);
                }
            }
            if (charge > 0) {
                island.refit(charged(own, pop.stream().mapToDouble(Phenotype::fitness).toArray(), charge));
            }
        }
        scores.clear();   // the dead are forgotten; the map stays the islands' size
        scores.putAll(live);
    }

    /**
     * The members' fitness values, in order: a group's fittest member (the first of equals) keeps its
     * score's fitness, the rest are charged {@code charge}; a member without a score keeps {@code current}.
     */
    static double[] charged(Score[] own, double[] current, double charge) {
        Map<Long, Integer> leader = new HashMap<>();
        for (int i = 0; i < own.length; i++) {
            if (own[i] != null) {
                leader.merge(behaviour(own[i]), i, (a, b) -> own[b].fitness() < own[a].fitness() ? b : a);
            }
        }
        double[] out = new double[own.length];
        for (int i = 0; i < own.length; i++) {
            out[i] = own[i] == null ? current[i]
                    : own[i].fitness() + (leader.get(behaviour(own[i])) == i ? 0 : charge);
        }
        return out;
    }

    /** Validation error to a relative 1e-5, as a key: laws that predict alike share it (bar the rare pair a bin edge splits). */
    static long behaviour(Score s) {
        return Math.round(Math.log(Math.max(s.validationNmse(), 1e-300)) * 1e5);
    }
}
