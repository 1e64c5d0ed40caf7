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
    void lineBytesAreLineInUtf8AndParseBackFromWhereTheyLie() throws Exception {
        Sample s = new Sample("α≥1 – “x”", Double.NaN, 2.5);
        byte[] b = Json.lineBytes(s);
        assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Json.line(s));
        byte[] framed = new byte[b.length + 7];
        System.arraycopy(b, 0, framed, 3, b.length);
        assertThat(Json.parse(framed, 3, b.length, Sample.class)).isEqualTo(new Sample("α≥1 – “x”", 0, 2.5));   // NaN was written null
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
                .hasMessageStartingWith(f + ": unreadable: Unexpected character ('}'")
                .hasMessageEndingWith("(line 2, column 7)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> Json.tree(f)).isInstanceOf(UserError.class).hasMessageStartingWith(f + ": unreadable: ");
        assertThat(Json.readIfPresent(f, Sample.class)).isEmpty();
    }

    @Test
    void aWrongTypeIsOneLineNamingTheSource() {
        assertThatThrownBy(() -> Json.read("{\"x\": \"many\"}", "out.json", Sample.class)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("out.json: unreadable: Cannot deserialize value of type `double`")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
