package lawsearch.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import lawsearch.engine.io.Json;
import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.core.UserError;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.parser.LawFile;
import lawsearch.grammar.simplify.Canonical;

/**
 * A search state as the JSON payload of a checkpoint file ({@link CheckpointPayload}), and back.
 * Laws are stored as law-file blocks (law, bounds and fit settings round-trip exactly); on the way
 * in each law's canonical hash must equal the stored one, so a checkpoint from a lawsearch whose
 * canonical form differs is refused rather than resumed into a different search. Doubles round-trip
 * exactly (Jackson writes the shortest decimal that reads back to the same double).
 */
final class Checkpoint {

    private Checkpoint() { }

    /** Why a checkpoint cannot be used: the one-line reason a user reads. */
    static final class Invalid extends Exception {
        Invalid(String reason) { super(reason); }
    }

    /**
     * Writes the payload, one line of JSON in UTF-8, to {@code out} as it goes. Scores and history
     * are turned into their records one at a time as Jackson reaches them, so no second copy of the
     * state's largest parts is made.
     */
    static void encode(SearchState s, long seed, OutputStream out) throws IOException {
        List<CheckpointPayload.Island> islands = s.islands().stream()
                .map(is -> new CheckpointPayload.Island(is.generation(), is.population().stream()
                        .map(m -> new CheckpointPayload.Member(text(m.law()), m.born())).toList()))
                .toList();
        Json.writeLine(out, new CheckpointPayload(CheckpointStore.FORMAT, seed, s.generation(), s.elapsedSeconds(), islands,
                new Mapped<>(s.scores(), Checkpoint::record), new Mapped<>(s.history(), HistoryLine::of)));
    }

    private static CheckpointPayload.ScoreRecord record(Score sc) {
        return new CheckpointPayload.ScoreRecord(sc.hasLaw() ? text(sc.law()) : null, sc.hash(), sc.validationNmse(),
                sc.complexity(), sc.parameters(), sc.fitness(), sc.sound() ? null : Boolean.FALSE);
    }

    /** {@code from} seen through {@code f}, element by element, holding nothing of its own. */
    private static final class Mapped<A, B> extends AbstractList<B> implements RandomAccess {
        private final List<A> from;
        private final Function<A, B> f;

        Mapped(List<A> from, Function<A, B> f) {
            this.from = from;
            this.f = f;
        }

        @Override
        public B get(int i) {
            return f.apply(from.get(i));
        }

        @Override
        public int size() {
            return from.size();
        }
    }

    /**
     * The state in the payload {@code in} holds, read as it streams ({@link PayloadReader}; the caller
     * has verified it). Fields are checked in the order the payload was once read key by key (seed;
     * each island's population, its members, its generation; scores; history; generation; elapsed
     * time), so a damaged checkpoint names the same first problem as before.
     */
    static SearchState decode(InputStream in, long seed, Set<String> variables) throws Invalid {
        PayloadReader.Fields<Score, Generation> p;
        try (JsonParser parser = Json.parser(in)) {
            p = PayloadReader.read(parser, sc -> score(need(sc, "hash"), variables), g -> generation(need(g, "generation")));
        } catch (JsonProcessingException e) {
            throw new Invalid("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid("unreadable: " + e.getMessage());
        }
        if ((p.seed == null ? 0 : p.seed) != seed) {
            throw new Invalid("written by a run with seed " + (p.seed == null ? "" : p.seed) + ", not " + seed);
        }
        List<SearchState.IslandState> islands = new ArrayList<>();
        for (CheckpointPayload.Island i : need(p.islands, "islands")) {
            List<SearchState.Member> pop = new ArrayList<>();
            for (CheckpointPayload.Member m : need(need(i, "population").population(), "population")) {
                pop.add(new SearchState.Member(law(need(m, "law").law(), variables), need(m.born(), "born")));
            }
            islands.add(new SearchState.IslandState(count(i.generation(), "generation"), pop));
        }
        List<Score> scores = converted(p.scores, "scores");
        List<Generation> history = converted(p.history, "history");
        double elapsed = need(p.elapsedSeconds, "elapsed_seconds");
        if (!(elapsed >= 0) || Double.isInfinite(elapsed)) {
            throw new Invalid("'elapsed_seconds' is " + elapsed + ", not a duration");
        }
        return new SearchState(count(p.generation, "generation"), elapsed, islands, scores, history);
    }

    /** A generation number: present and not negative (a run resumed "at generation -5" otherwise). */
    private static long count(Long v, String field) throws Invalid {
        if (need(v, field) < 0) {
            throw new Invalid("'" + field + "' is " + v + ", not a generation number");
        }
        return v;
    }

    /** The elements of an array the payload must have, or why the first of them could not be used. */
    private static <T> List<T> converted(PayloadReader.Converted<T> c, String field) throws Invalid {
        if (need(c, field).first != null) {
            throw c.first;
        }
        return c.items;
    }

    /** A saved score; one the search had let go of its law ({@code Fitness.forget}) has none. */
    private static Score score(CheckpointPayload.ScoreRecord sc, Set<String> variables) throws Invalid {
        Law law = sc.law() == null ? null : law(sc.law(), variables);
        long hash = need(sc.hash(), "hash");
        if (law != null && Canonical.hash(law) != hash) {
            throw new Invalid("a law's canonical hash differs from the one saved (written by another lawsearch version?)");
        }
        return new Score(law, hash, need(sc.nmse(), "nmse"), need(sc.complexity(), "complexity"),
                need(sc.parameters(), "parameters"), need(sc.fitness(), "fitness"), sc.sound() == null || sc.sound());
    }

    private static Generation generation(HistoryLine g) throws Invalid {
        return new Generation(need(g.generation(), "generation"), need(g.evaluations(), "evaluations"),
                orNaN(g.bestFitness()), orNaN(g.bestValidationR2()), need(g.bestLaw(), "best_law"),
                need(g.paretoSize(), "pareto_size"), need(g.seconds(), "seconds"));
    }

    /** An undefined best (no law fitted yet) is written as null. */
    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static String text(Law law) {
        return LawFileWriter.write(new LawFile("", law, ""));
    }

    private static Law law(String text, Set<String> variables) throws Invalid {
        try {
            return LawFile.parse(need(text, "law"), "checkpoint law", variables).law();
        } catch (UserError e) {
            throw new Invalid("a saved law does not parse: " + e.getMessage());
        }
    }

    /**
     * {@code v}, which the payload must have; a missing key and null both read as null. A null array
     * element lacks every field, so callers pass the name of the element's first field for it.
     */
    private static <T> T need(T v, String field) throws Invalid {
        if (v == null) {
            throw new Invalid("missing '" + field + "'");
        }
        return v;
    }
}
