package lawsearch.engine.run;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.engine.search.Generation;

/**
 * One line of history.jsonl, and one element of a checkpoint's history: a {@link Generation} as
 * the files spell it. Components are boxed so that a checkpoint reader can tell a missing key
 * (null) from a zero; an undefined best R² or fitness (NaN, before any law fitted) is written as
 * null by {@link lawsearch.engine.io.Json}. The component order is the key order in the files.
 */
public record HistoryLine(@JsonProperty("generation") Long generation,
                          @JsonProperty("evaluations") Integer evaluations,
                          @JsonProperty("best_validation_r2") Double bestValidationR2,
                          @JsonProperty("best_fitness") Double bestFitness,
                          @JsonProperty("pareto_size") Integer paretoSize,
                          @JsonProperty("seconds") Double seconds,
                          @JsonProperty("best_law") String bestLaw) {

    public static HistoryLine of(Generation g) {
        return new HistoryLine(g.generation(), g.evaluations(), g.bestValidationR2(), g.bestFitness(), g.paretoSize(),
                g.elapsedSeconds(), g.bestLaw());
    }
}
