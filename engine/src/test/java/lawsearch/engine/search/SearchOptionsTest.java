package lawsearch.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import lawsearch.evaluator.fit.FitOptions;
import lawsearch.grammar.operators.Mutation;
import lawsearch.grammar.operators.MutationWeights;

/** The one options record: its defaults, its JSON, its merge over the defaults and its refusals. */
class SearchOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The values the search was tuned with, when they were constants in Search, Score, Folds, Templates, ... */
    @Test
    void defaultsAreTheConstantsTheSearchWasTunedWith() {
        SearchOptions o = SearchOptions.DEFAULTS;
        assertThat(o.islands()).isEqualTo(4);
        assertThat(o.populationSize()).isEqualTo(48);
        assertThat(o.migrationInterval()).isEqualTo(8);
        assertThat(o.migrants()).isEqualTo(2);
        assertThat(o.tournamentSize()).isEqualTo(3);
        assertThat(o.elites()).isEqualTo(2);
        assertThat(o.offspringFraction()).isEqualTo(0.7);
        assertThat(o.maximalAge()).isEqualTo(60);
        assertThat(o.mutationProbability()).isEqualTo(0.6);
        assertThat(o.crossoverProbability()).isEqualTo(0.25);
        assertThat(o.bigJumpProbability()).isEqualTo(0.25);
        assertThat(o.weights()).isEqualTo(MutationWeights.DEFAULT);
        assertThat(o.mutationWeights()).containsExactly(Map.entry("regrow", 0.22), Map.entry("swap", 0.14),
                Map.entry("add_term", 0.14), Map.entry("drop_term", 0.12), Map.entry("wrap", 0.10),
                Map.entry("number_to_param", 0.06), Map.entry("param_to_number", 0.08), Map.entry("share_param", 0.07),
                Map.entry("untie_param", 0.0), Map.entry("fit_settings", 0.07));
        assertThat(o.parsimony()).isEqualTo(0.03);
        assertThat(o.polish()).isEqualTo(12);
        assertThat(o.searchRows()).isEqualTo(4000);
        assertThat(o.fit().fitOptions()).isEqualTo(new FitOptions(0, 200, 4, 0));
        assertThat(o.folds()).isEqualTo(new FoldRules(0.1, 0.4, 3, List.of(0.2, 0.1), true));
        assertThat(o.templates()).isEqualTo(new TemplateLimits(3, 24));
        assertThat(o.differences()).isEmpty();
        assertThat(o.describeDifferences()).isEqualTo("defaults");
    }

    @Test
    void jsonRoundTripsWithSnakeCaseKeys() throws Exception {
        SearchOptions o = SearchOptions.builder().islands(3).parsimony(0.05).mutationWeight(Mutation.WRAP, 0.3)
                .fit(new FitEffort(6, 300, 2)).folds(new FoldRules(0.15, 0.3, 5, List.of(0.25), false))
                .templates(new TemplateLimits(2, 18)).build();
        String text = JSON.writeValueAsString(o);
        assertThat(text).contains("\"population_size\":48", "\"big_jump_probability\":0.25", "\"mutation_weights\":{\"regrow\":0.22",
                "\"fit\":{\"starts\":6,\"max_iterations\":300,\"huber_rounds\":2}", "\"joint_fractions\":[0.25]",
                "\"templates\":{\"max_hyper_parameters\":2,\"max_constants\":18}");
        assertThat(JSON.readValue(text, SearchOptions.class)).isEqualTo(o);
        assertThat(OptionsJson.merge(JSON.readTree(text), true)).isEqualTo(o);
        assertThat(SearchOptions.DEFAULTS.toBuilder().build()).isEqualTo(SearchOptions.DEFAULTS);
    }

    @Test
    void givenKeysMergeOverTheDefaultsNestedObjectsKeyByKeyArraysWhole() throws Exception {
        JsonNode given = JSON.readTree("""
                {"parsimony": 0.05, "fit": {"max_iterations": 400}, "mutation_weights": {"wrap": 0.3},
                 "folds": {"joint_fractions": [0.3]}}""");
        SearchOptions o = OptionsJson.merge(given, true);
        assertThat(o).isEqualTo(SearchOptions.builder().parsimony(0.05).fit(new FitEffort(0, 400, 4))
                .mutationWeight(Mutation.WRAP, 0.3).folds(new FoldRules(0.1, 0.4, 3, List.of(0.3), true)).build());
        assertThat(o.differences()).containsExactly(Map.entry("mutation_weights.wrap", 0.3), Map.entry("parsimony", 0.05),
                Map.entry("fit.max_iterations", 400), Map.entry("folds.joint_fractions", List.of(0.3)));
        assertThat(OptionsJson.merge(null, true)).isEqualTo(SearchOptions.DEFAULTS);
    }

    @Test
    void problemsAreOneLineNamingTheKey() {
        assertThat(problem("{\"parsimonyy\": 1}")).isEqualTo("unknown option \"parsimonyy\" (known: islands, population_size, "
                + "migration_interval, migrants, tournament_size, elites, offspring_fraction, maximal_age, mutation_probability, "
                + "crossover_probability, big_jump_probability, mutation_weights, parsimony, unsound_penalty, stagnation, crowding, polish, search_rows, fit, folds, templates)");
        assertThat(problem("{\"fit\": {\"startz\": 1}}")).isEqualTo("unknown option \"fit.startz\" (known: starts, max_iterations, huber_rounds)");
        assertThat(problem("{\"mutation_weights\": {\"wrapp\": 1}}")).startsWith("mutation_weights: unknown operator \"wrapp\" (known: regrow, swap,");
        assertThat(problem("{\"islands\": \"four\"}")).isEqualTo("islands: must be an integer, got \"four\"");
        assertThat(problem("{\"islands\": 4.5}")).isEqualTo("islands: must be an integer, got 4.5");
        assertThat(problem("{\"parsimony\": \"0.05\"}")).isEqualTo("parsimony: must be a number, got \"0.05\"");
        assertThat(problem("{\"fit\": 3}")).isEqualTo("fit: must be an object, got 3");
        assertThat(problem("{\"islands\": 0}")).isEqualTo("islands: must be an integer >= 1, got 0");
        assertThat(problem("{\"population_size\": 1000000000}")).isEqualTo(
                "population_size: must be an integer with islands × population_size at most 200000, got 1000000000");
        assertThat(problem("{\"parsimony\": -1}")).isEqualTo("parsimony: must be a finite number >= 0, got -1.0");
        assertThat(problem("{\"fit\": {\"max_iterations\": 0}}")).isEqualTo("fit.max_iterations: must be an integer >= 1, got 0");
        assertThat(problem("{\"folds\": {\"axis_min\": 0.5}}")).startsWith("folds.axis_max: must be a number in [axis_min, 1)");
        assertThat(problem("{\"mutation_weights\": {\"wrap\": -1}}")).isEqualTo("mutation_weights.wrap: must be a finite number >= 0, got -1.0");
        assertThat(problem("{\"search_rows\": 50}")).isEqualTo("search_rows: must be 0 (all rows) or an integer >= 100, got 50");
        assertThat(problem("{\"tournament_size\": 49}")).startsWith("tournament_size: must be an integer from 2 to population_size");
        assertThat(problem("[1]")).startsWith("the options must be a JSON object");
        assertThatThrownBy(() -> SearchOptions.builder().elites(48).build()).hasMessageStartingWith("elites: must be");
    }

    @Test
    void configJsonReadingIgnoresKeysItDoesNotKnow() throws Exception {
        assertThat(OptionsJson.merge(JSON.readTree("{\"from_the_future\": 1, \"parsimony\": 0.04}"), false))
                .isEqualTo(SearchOptions.builder().parsimony(0.04).build());
    }

    private static String problem(String json) {
        try {
            OptionsJson.merge(JSON.readTree(json), true);
            throw new AssertionError("accepted " + json);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
