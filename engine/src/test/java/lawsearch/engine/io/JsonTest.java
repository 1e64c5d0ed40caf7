package lawsearch.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonProperty;

import lawsearch.grammar.core.UserError;

/** The shared JSON configuration: non-finite numbers, forward-compatible reading, one-line errors. */
class JsonTest {
    record Sample(@JsonProperty("name") String name, @JsonProperty("x") double x, @JsonProperty("y") Double y) { }

    @TempDir Path dir;

    @Test
    void nonFiniteNumbersAreWrittenAsNullWhereverTheySit() {
        assertThat(Json.line(new Sample("a", Double.NaN, Double.POSITIVE_INFINITY))).isEqualTo("{\"name\":\"a\",\"x\":null,\"y\":null}");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r2", Double.NEGATIVE_INFINITY);
        m.put("list", Arrays.asList(1.5, Double.NaN));
        m.put("array", new double[] {Double.NaN, 2.0, Double.POSITIVE_INFINITY});
        m.put("float", Float.NaN);
        m.put("nested", Map.of("v", Double.NaN));
        assertThat(Json.line(m)).isEqualTo(
                "{\"r2\":null,\"list\":[1.5,null],\"array\":[null,2.0,null],\"float\":null,\"nested\":{\"v\":null}}");
        assertThat(Json.line(Json.tree("{\"a\": 1e400}", "test"))).isEqualTo("{\"a\":null}");   // a tree's overflow to ∞ too
    }

    @Test
    void finiteNumbersAreWrittenAsJacksonWritesThem() {
        assertThat(Json.line(new double[] {0.1, 1e-300, 4.122164292, -7.961608929057693, 1e21}))
                .isEqualTo("[0.1,1.0E-300,4.122164292,-7.961608929057693,1.0E21]");
        assertThat(Json.line(List.of(Long.MAX_VALUE, 3))).isEqualTo("[9223372036854775807,3]");
    }

    @Test
    void writeIndentsAndLineDoesNot() {
        Sample s = new Sample("a", 1, null);
        assertThat(Json.write(s)).isEqualTo("{\n  \"name\" : \"a\",\n  \"x\" : 1.0,\n  \"y\" : null\n}");
        assertThat(Json.line(s)).isEqualTo("{\"name\":\"a\",\"x\":1.0,\"y\":null}");
    }

    @Test
    void writeLineStreamsWhatLineWritesAndTheParserReadsItBack() throws Exception {
        Sample s = new Sample("α≥1 – “x”", Double.NaN, 2.5);
        var out = new java.io.ByteArrayOutputStream();
        Json.writeLine(out, s);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Json.line(s));
        try (var p = Json.parser(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertThat(p.readValueAs(Sample.class)).isEqualTo(new Sample("α≥1 – “x”", 0, 2.5));   // NaN was written null
        }
    }

    @Test
    void readingIgnoresUnknownKeysAndTakesPythonsNaN() {
        Sample s = Json.read("{\"name\": \"a\", \"x\": NaN, \"y\": Infinity, \"added_later\": [1]}", "test", Sample.class);
        assertThat(s.name()).isEqualTo("a");
        assertThat(s.x()).isNaN();
        assertThat(s.y()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void aWrittenValueReadsBack() throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, Json.write(new Sample("b", 0.1, 2.5)) + "\n");
        assertThat(Json.read(f, Sample.class)).isEqualTo(new Sample("b", 0.1, 2.5));
        assertThat(Json.tree(f).get("x").asDouble()).isEqualTo(0.1);
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Path f = dir.resolve("absent.json");
        assertThatThrownBy(() -> Json.read(f, Sample.class)).isInstanceOf(UserError.class).hasMessage(f + ": not found");
        assertThat(Json.readIfPresent(f, Sample.class)).isEmpty();
    }

    @Test
    void badJsonIsOneLineNamingTheFileAndWhere() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"name\": \"a\",\n \"x\": }\n");
        assertThatThrownBy(() -> Json.read(f, Sample.class)).isInstanceOf(UserError.class)
                .hasMessage(f + ":2:7: not valid JSON: Unexpected character ('}'): expected a value");
        assertThatThrownBy(() -> Json.tree(f)).isInstanceOf(UserError.class).hasMessageStartingWith(f + ":2:7: not valid JSON: ");
        assertThat(Json.readIfPresent(f, Sample.class)).isEmpty();
    }

    record Outer(@JsonProperty("inner") Sample inner, @JsonProperty("list") List<String> list,
                 @JsonProperty("values") Map<String, Double> values, @JsonProperty("n") int n) { }

    /** Jackson's mapping errors in plain words: the file, line and column where it has them, the field by its path. */
    @Test
    void aWrongTypeIsOneLineNamingTheFileTheFieldAndWhere() {
        assertThatThrownBy(() -> Json.read("{\"x\": \"many\"}", "out.json", Sample.class)).isInstanceOf(UserError.class)
                .hasMessage("out.json:1:7: \"x\" must be a number, got \"many\"");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\n  \"inner\": \"abc\"\n}", "fit.json:2:12: \"inner\" must be an object, got \"abc\"");   // Jackson: "Cannot construct instance of"
        cases.put("{\"inner\": {\"name\": [1]}}", "fit.json:1:20: \"inner.name\" must be a string, got an array");
        cases.put("{\"list\": [\"a\", {}]}", "fit.json:1:16: \"list[1]\" must be a string, got an object");
        cases.put("{\"values\": {\"A\": \"one\"}}", "fit.json:1:18: \"values.A\" must be a number, got \"one\"");
        cases.put("{\"n\": 2.5e40}", "fit.json:1:13: \"n\": Numeric value (2.5e40) out of range of int (-2147483648 - 2147483647)");
        cases.put("{\"n\": true}", "fit.json:1:7: \"n\" must be a whole number, got true");
        cases.put("[1, 2]", "fit.json:1:1: the file must be an object, got an array");
        cases.put("{\"inner\": {\"name\": \"a", "fit.json:1:22: not valid JSON: Unexpected end-of-input: was expecting closing quote for a string value (in \"inner.name\")");
        cases.forEach((text, message) -> assertThatThrownBy(() -> Json.read(text, "fit.json", Outer.class)).as(text)
                .isInstanceOf(UserError.class).hasMessage(message));
        // A tree has no position in the file: the field alone (config.json is read so).
        assertThatThrownBy(() -> Json.read(Json.tree("{\"inner\": \"abc\"}", "config.json"), "config.json", Outer.class))
                .isInstanceOf(UserError.class).hasMessage("config.json: \"inner\" must be an object, got \"abc\"");
    }
}
