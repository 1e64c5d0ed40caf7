package lawsearch.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import lawsearch.engine.io.Json;

/** bench-search times the same search at each thread count, and every count reaches the same law. */
class BenchSearchCommandTest {
    @Test
    void everyThreadCountReachesTheSameLaw() {
        CliRun r = CliRun.of("bench-search", "--task", "demo", "--generations", "3", "--threads", "1,2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.tree(r.out(), "bench-search output");
        assertThat(j.get("law").asText()).isNotEmpty();
        for (String t : new String[] {"1", "2"}) {
            JsonNode m = j.get("threads").get(t);
            assertThat(m.get("same_law").asBoolean()).isTrue();
            assertThat(m.get("generations_per_second").asDouble()).isPositive();
            assertThat(m.get("laws_fitted").asInt()).isPositive();
        }
        assertThat(j.get("threads").get("1").get("laws_fitted")).isEqualTo(j.get("threads").get("2").get("laws_fitted"));
    }

    @Test
    void aZeroGenerationBudgetIsAOneLineError() {
        CliRun r = CliRun.of("bench-search", "--task", "demo", "--generations", "0");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
