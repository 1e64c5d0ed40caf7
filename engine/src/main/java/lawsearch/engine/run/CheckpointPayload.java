package lawsearch.engine.run;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A checkpoint's JSON payload as Jackson writes it ({@link Checkpoint} turns a search state into it;
 * {@link PayloadReader} reads it back field by field, each element as one of these records).
 * Component order is key order, and the payload's bytes are checksummed, so reordering a component
 * changes the format. Components are boxed so that a missing key reads as
 * null and is reported by name rather than taken for zero. Laws are law-file text (EVOLVE-BLOCK).
 */
record CheckpointPayload(@JsonProperty("format") Integer format,
                         @JsonProperty("seed") Long seed,
                         @JsonProperty("generation") Long generation,
                         @JsonProperty("elapsed_seconds") Double elapsedSeconds,
                         @JsonProperty("islands") List<Island> islands,
                         @JsonProperty("scores") List<ScoreRecord> scores,
                         @JsonProperty("history") List<HistoryLine> history) {

    /** One island: the generation its engine evolves next and its population. */
    record Island(@JsonProperty("generation") Long generation,
                  @JsonProperty("population") List<Member> population) { }

    /** One individual: its law and the generation it was born in. */
    record Member(@JsonProperty("law") String law,
                  @JsonProperty("born") Long born) { }

    /**
     * One computed score: the law (absent once the search let it go: a score kept only to answer its
     * cache), its canonical hash (checked on reading) and its standing;
     * {@code sound} is written only for a law that failed the search's shape screen (false), so a
     * checkpoint whose laws all passed, or one written before the screen, has the bytes it had.
     */
    record ScoreRecord(@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("law") String law,
                       @JsonProperty("hash") Long hash,
                       @JsonProperty("nmse") Double nmse,
                       @JsonProperty("complexity") Integer complexity,
                       @JsonProperty("parameters") Integer parameters,
                       @JsonProperty("fitness") Double fitness,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("sound") Boolean sound) { }
}
