package lawsearch.engine.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * A checkpoint payload's top-level fields, read from a parser as they stream by. Scores and
 * history, the payload's bulk, are converted one element at a time as they are read, so their
 * records are never all held beside the state they become. Everything else is read as Jackson
 * reads {@link CheckpointPayload}, with its messages: a root that is not an object, or a field of
 * the wrong kind, is read by Jackson itself to fail as it always did.
 */
final class PayloadReader {
    /** Turns one record into the state it stands for, or says why it cannot. */
    @FunctionalInterface
    interface Conversion<R, T> {
        T apply(R record) throws Checkpoint.Invalid;
    }

    /**
     * An array's elements, converted as read, and the first that would not convert: kept, not thrown,
     * so that the rest is still read (a payload that is not JSON further on says so first) and the
     * caller reports it in the order it checks fields.
     */
    static final class Converted<T> {
        final List<T> items = new ArrayList<>();
        Checkpoint.Invalid first;
    }

    /** The top-level fields of a payload, null when missing or null (as {@link CheckpointPayload} reads them). */
    static final class Fields<S, G> {
        Long seed;
        Long generation;
        Double elapsedSeconds;
        List<CheckpointPayload.Island> islands;
        Converted<S> scores;
        Converted<G> history;
    }

    private PayloadReader() { }

    /** Reads the payload at {@code p}, converting scores and history element by element. */
    static <S, G> Fields<S, G> read(JsonParser p, Conversion<CheckpointPayload.ScoreRecord, S> score,
                                    Conversion<HistoryLine, G> line) throws IOException {
        Fields<S, G> f = new Fields<>();
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.readValueAs(CheckpointPayload.class);   // "null" reads as no field at all; anything else fails as it did
            return f;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "format" -> p.readValueAs(Integer.class);   // not used, but read as a number as it always was
                case "seed" -> f.seed = p.readValueAs(Long.class);
                case "generation" -> f.generation = p.readValueAs(Long.class);
                case "elapsed_seconds" -> f.elapsedSeconds = p.readValueAs(Double.class);
                case "islands" -> f.islands = p.readValueAs(ISLANDS);
                case "scores" -> f.scores = array(p, CheckpointPayload.ScoreRecord.class, SCORES, score);
                case "history" -> f.history = array(p, HistoryLine.class, HISTORY, line);
                default -> p.skipChildren();   // a key a newer lawsearch may add
            }
        }
        return f;
    }

    private static final TypeReference<List<CheckpointPayload.Island>> ISLANDS = new TypeReference<>() { };
    private static final TypeReference<List<CheckpointPayload.ScoreRecord>> SCORES = new TypeReference<>() { };
    private static final TypeReference<List<HistoryLine>> HISTORY = new TypeReference<>() { };

    /** The array at {@code p}, element by element; null for null; anything else fails as Jackson reading {@code asList} does. */
    private static <R, T> Converted<T> array(JsonParser p, Class<R> element, TypeReference<List<R>> asList,
                                             Conversion<R, T> conversion) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.readValueAs(asList);   // null reads as null; a scalar or object throws Jackson's own message
            return null;
        }
        Converted<T> c = new Converted<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            R r = p.readValueAs(element);
            if (c.first == null) {
                try {
                    c.items.add(conversion.apply(r));
                } catch (Checkpoint.Invalid e) {
                    c.first = e;
                }
            }
        }
        return c;
    }
}
