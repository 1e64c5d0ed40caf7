package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lawsearch.engine.search.Generation;
import lawsearch.engine.search.Score;
import lawsearch.engine.search.SearchState;
import lawsearch.grammar.core.Law;
import lawsearch.grammar.formatter.LawFileWriter;
import lawsearch.grammar.parser.LawFile;

/**
 * The checkpoint file format, pinned: a checkpoint written by the hand-built (ObjectNode) encoder
 * must load and be written again byte for byte, whatever builds the payload, so checkpoints written
 * before still load and their checksums still hold; a damaged payload names the same first problem.
 */
class CheckpointFormatTest {
    /** Written by the hand-built encoder (before the records): 2 islands of 3, 6 scores, a history line with NaN and -∞. */
    static final String FIXTURE = "checkpoint-format-1.json";
    static final long FIXTURE_SEED = 5;
    static final Set<String> DEMO_VARIABLES = Set.of("params", "tokens", "N", "D");

    @TempDir Path dir;

    @Test
    void aCheckpointWrittenBeforeLoadsAndIsWrittenAgainByteForByte() throws Exception {
        byte[] old = fixture();
        Path file = dir.resolve("checkpoint-2.json");
        Files.write(file, old);
        SearchState s = CheckpointStore.read(file, FIXTURE_SEED, DEMO_VARIABLES);
        assertThat(s.generation()).isEqualTo(2);
        assertThat(s.islands()).hasSize(2).allSatisfy(i -> assertThat(i.population()).hasSize(3));
        assertThat(s.scores()).hasSize(6);
        assertThat(s.history().get(0).bestFitness()).isNaN();
        assertThat(s.history().get(0).bestValidationR2()).isNaN();   // -∞ was written as null

        // Written again, it says the current format (every score there holds its law, so nothing else changes).
        Path again = CheckpointStore.write(dir.resolve("again"), s, FIXTURE_SEED);
        // Laws are written as law files print them today: a normalisation written twice is named once.
        String payload = new String(old, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow()
                .replaceFirst("^\\{\"format\":1,", "{\"format\":" + CheckpointStore.FORMAT + ",")
                .replace("law: (E + c2*(tokens/1e10)^c1 + c3*log(tokens/1e10)^2)*(params/1e8)^c4\\n",
                        "law: (E + c2*t^c1 + c3*log(t)^2)*(params/1e8)^c4\\n  where t = tokens/1e10\\n")
                .replace("law: (E + c2*(log(tokens/1e10)*(tokens/1e10)^c1))*(params/1e8)^c1\\n",
                        "law: (E + c2*(log(t)*t^c1))*(params/1e8)^c1\\n  where t = tokens/1e10\\n")
                .replace("law: (E + c2*(tokens/1e10)^c1)*(tokens/1e10)^c3\\n", "law: (E + c2*t^c1)*t^c3\\n  where t = tokens/1e10\\n");
        assertThat(new String(Files.readAllBytes(again), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow())
                .isEqualTo(payload);
    }

    @Test
    void theRecordsEncodeALiveSearchStateAsTheHandBuiltEncoderDid() {
        SearchState live = Checkpoints.search(3, -1, null).states().get(2);
        List<Generation> history = new ArrayList<>(live.history());
        Generation g = history.get(0);   // an undefined best, as before any law fits
        history.set(0, new Generation(g.generation(), g.evaluations(), Double.NaN, Double.NaN, "", g.paretoSize(), g.elapsedSeconds()));
        SearchState s = new SearchState(live.generation(), live.elapsedSeconds(), live.islands(), live.scores(), history);

        String encoded = encode(s, 5);
        assertThat(encoded).isEqualTo(legacyEncode(s, 5));
        assertThat(encoded).startsWith("{\"format\":" + CheckpointStore.FORMAT + ",\"seed\":5,\"generation\":3,\"elapsed_seconds\":")
                .contains("\"best_validation_r2\":null,\"best_fitness\":null");
    }

    @Test
    void theStreamedWriterWritesTheEncodingOfBeforeUnderAHeaderThatStatesItsLengthAndChecksum() throws Exception {
        SearchState s = Checkpoints.search(3, -1, null).states().get(2);
        Path file = CheckpointStore.write(dir, s, 5);
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, StandardCharsets.UTF_8);
        String header = text.substring(0, text.indexOf('\n'));
        byte[] payload = Arrays.copyOfRange(all, header.length() + 1, all.length);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(legacyEncode(s, 5));
        assertThat(header).matches("lawsearch-checkpoint 2 \\d{18} sha256:[0-9a-f]{64}")
                .isEqualTo("lawsearch-checkpoint 2 " + String.format("%018d", payload.length) + " sha256:" + sha256(payload));
        assertThat(CheckpointStore.read(file, 5, DEMO_VARIABLES)).isEqualTo(s);
    }

    @Test
    void aHeaderWithAZeroPaddedLengthReadsAsTheUnpaddedOne() throws Exception {
        String old = new String(fixture(), StandardCharsets.UTF_8);
        String padded = old.replaceFirst("^lawsearch-checkpoint 1 (\\d+) ", "lawsearch-checkpoint 1 0000000000000$1 ");
        assertThat(padded).startsWith("lawsearch-checkpoint 1 00000000000003525 ");   // 17 digits: any width up to 18 reads
        Path unpaddedFile = Files.writeString(dir.resolve("checkpoint-1.json"), old);
        Path paddedFile = Files.writeString(dir.resolve("checkpoint-2.json"), padded);
        assertThat(CheckpointStore.read(paddedFile, FIXTURE_SEED, DEMO_VARIABLES))
                .isEqualTo(CheckpointStore.read(unpaddedFile, FIXTURE_SEED, DEMO_VARIABLES));

        Files.writeString(paddedFile, padded.substring(0, padded.length() - 25));
        assertThatThrownBy(() -> CheckpointStore.read(paddedFile, FIXTURE_SEED, DEMO_VARIABLES)).isInstanceOf(Checkpoint.Invalid.class)
                .hasMessage("truncated or extended: 3500 bytes, the header says 3525");
    }

    @Test
    void aDamagedPayloadNamesWhatIsMissingAsBefore() throws Exception {
        String payload = new String(fixture(), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
        assertThat(invalid(payload.replaceFirst("\"born\":1", "\"born\":null"))).isEqualTo("missing 'born'");
        assertThat(invalid(payload.replaceFirst(",\"history\":\\[.*]}$", "}"))).isEqualTo("missing 'history'");
        assertThat(invalid(payload.replaceFirst("\"pareto_size\":[0-9]+,", ""))).isEqualTo("missing 'pareto_size'");
        assertThat(invalid(payload.replaceFirst("\"islands\":\\[\\{", "\"islands\":[null,{"))).isEqualTo("missing 'population'");
        assertThat(invalid(payload.replaceFirst("\"hash\":-?[0-9]+", "\"hash\":7"))).startsWith("a law's canonical hash differs");
        assertThat(invalid(payload.replaceFirst("law: E \\+", "law: E +)"))).startsWith("a saved law does not parse: ");
        assertThat(invalid(payload.replaceFirst("\"seed\":5", "\"seed\":6"))).isEqualTo("written by a run with seed 6, not 5");
        assertThat(invalid(payload.replaceFirst("\"generation\":2", "\"generation\":-5"))).isEqualTo("'generation' is -5, not a generation number");
        assertThat(invalid(payload.replaceFirst("\"elapsed_seconds\":[0-9.]+", "\"elapsed_seconds\":-1"))).isEqualTo("'elapsed_seconds' is -1.0, not a duration");
        assertThat(invalid(payload.substring(0, 40))).startsWith("not valid JSON: ");
        assertThat(invalid("null")).isEqualTo("written by a run with seed , not 5");
        // Read as it streams: what Jackson reading the whole payload refused is refused in its words,
        // and a bad score further up does not hide that the payload is not JSON further down.
        assertThat(invalid("[]")).startsWith("not valid JSON: Cannot deserialize value of type `lawsearch.engine.run.CheckpointPayload`");
        assertThat(invalid("")).startsWith("not valid JSON: No content to map due to end-of-input");
        assertThat(invalid(payload.replaceFirst(",\"history\":\\[.*]}$", ",\"history\":5}"))).startsWith("not valid JSON: Cannot deserialize");
        assertThat(invalid(payload.replaceFirst("\"hash\":-?[0-9]+", "\"hash\":7").replaceFirst("}]}$", "}]")))
                .startsWith("not valid JSON: Unexpected end-of-input");
    }

    private static String invalid(String payload) {
        byte[] b = payload.getBytes(StandardCharsets.UTF_8);
        return assertThatThrownBy(() -> Checkpoint.decode(new ByteArrayInputStream(b), FIXTURE_SEED, DEMO_VARIABLES))
                .isInstanceOf(Checkpoint.Invalid.class).actual().getMessage();
    }

    /** The payload the streamed encoder writes, as text. */
    static String encode(SearchState s, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Checkpoint.encode(s, seed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = CheckpointFormatTest.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        }
    }

    // ---- The encoder as it was before the payload records: the reference the records must match. ----

    private static final ObjectMapper LEGACY = new ObjectMapper();

    static String legacyEncode(SearchState s, long seed) {
        ObjectNode root = LEGACY.createObjectNode();
        root.put("format", CheckpointStore.FORMAT);
        root.put("seed", seed);
        root.put("generation", s.generation());
        root.put("elapsed_seconds", s.elapsedSeconds());
        ArrayNode islands = root.putArray("islands");
        for (SearchState.IslandState is : s.islands()) {
            ObjectNode i = islands.addObject();
            i.put("generation", is.generation());
            ArrayNode pop = i.putArray("population");
            for (SearchState.Member m : is.population()) {
                pop.addObject().put("law", text(m.law())).put("born", m.born());
            }
        }
        ArrayNode scores = root.putArray("scores");
        for (Score sc : s.scores()) {
            ObjectNode o = scores.addObject();
            if (sc.hasLaw()) {
                o.put("law", text(sc.law()));   // a score the search let go of its law has none (format 2)
            }
            o.put("hash", sc.hash()).put("nmse", sc.validationNmse())
                    .put("complexity", sc.complexity()).put("parameters", sc.parameters()).put("fitness", sc.fitness());
            if (!sc.sound()) {
                o.put("sound", false);   // the one key added since: only for a law that failed the shape screen
            }
        }
        ArrayNode history = root.putArray("history");
        s.history().forEach(g -> history.add(LEGACY.valueToTree(legacyHistoryLine(g))));
        try {
            return LEGACY.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> legacyHistoryLine(Generation g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", g.generation());
        m.put("evaluations", g.evaluations());
        m.put("best_validation_r2", Double.isFinite(g.bestValidationR2()) ? g.bestValidationR2() : null);
        m.put("best_fitness", Double.isFinite(g.bestFitness()) ? g.bestFitness() : null);
        m.put("pareto_size", g.paretoSize());
        m.put("seconds", g.elapsedSeconds());
        m.put("best_law", g.bestLaw());
        return m;
    }

    private static String text(Law law) {
        return LawFileWriter.write(new LawFile("", law, ""));
    }
}
