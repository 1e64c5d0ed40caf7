package lawsearch.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import lawsearch.grammar.core.UserError;
import lawsearch.evaluator.data.TextFiles;

/**
 * The one JSON configuration of the engine: run files, checkpoints, command output. One mapper, so
 * every file treats the same things the same way:
 * <ul>
 *   <li>JSON has no NaN or infinity: a non-finite number (an undefined R², a failed fit) is written
 *   as {@code null}, wherever it sits (a record component, a map value, a {@code double[]}). Jackson
 *   alone would write the string "NaN", which no reader takes for a number. Reading accepts the bare
 *   tokens {@code NaN} and {@code Infinity}, which Python's json module writes.</li>
 *   <li>Unknown properties are ignored when reading, so a run file written by a newer lawsearch
 *   (one more key) still reads.</li>
 *   <li>{@link #write} indents as Jackson's default pretty printer (the run files' look);
 *   {@link #line} writes one line (history.jsonl, run.log, checkpoint payloads).</li>
 * </ul>
 * Numbers are otherwise written as Jackson writes them (a double as the shortest decimal that reads
 * back to it), which checkpoint checksums rely on. Task specs are read elsewhere, strictly
 * ({@code Tasks}): they are written by hand, so an unknown key there is a typo.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .addDecorator((factory, generator) -> new FiniteOnly(generator)).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectWriter LINE = MAPPER.writer();

    private Json() { }

    /** {@code value} as indented JSON (no trailing newline). */
    public static String write(Object value) {
        return write(PRETTY, value);
    }

    /** {@code value} as JSON on one line (no trailing newline). */
    public static String line(Object value) {
        return write(LINE, value);
    }

    /** Reads {@code file} as a {@code type}; a missing or unreadable file is a one-line {@link UserError} naming it. */
    public static <T> T read(Path file, Class<T> type) {
        return read(text(file), file.toString(), type);
    }

    /** Reads {@code text} as a {@code type}; bad JSON is a one-line {@link UserError} naming {@code source}. */
    public static <T> T read(String text, String source, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(source, e);
        }
    }

    /** As {@link #read(Path, Class)}, but empty when the file is missing or unreadable: for files an older or killed run may lack. */
    public static <T> Optional<T> readIfPresent(Path file, Class<T> type) {
        try {
            return Optional.ofNullable(read(file, type));
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    /**
     * {@code value}, a field a file must hold: null (missing, or JSON null) is a one-line
     * {@link UserError} naming the file and the field ({@code fit.json: missing "columns"}).
     */
    public static <T> T required(T value, Path file, String field) {
        if (value == null) {
            throw new UserError(file + ": missing \"" + field + "\"");
        }
        return value;
    }

    /** Refuses a file of a format other than {@code known}, naming it: newer files need a newer lawsearch. */
    public static void requireFormat(int format, int known, Path file) {
        if (format != known) {
            throw new UserError(file + ": \"format\" " + format + (format > known ? " is newer than this lawsearch (" + known + ")"
                    : " is not one this lawsearch reads (" + known + ")"));
        }
    }

    /** {@code tree} as a {@code type}; a mismatch is a one-line {@link UserError} naming {@code source}. */
    public static <T> T read(JsonNode tree, String source, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw unreadable(source, e);
        }
    }

    /** {@code file} as a JSON tree, for readers that look keys up; errors as {@link #read(Path, Class)}. */
    public static JsonNode tree(Path file) {
        return tree(text(file), file.toString());
    }

    /** {@code text} as a JSON tree; bad JSON is a one-line {@link UserError} naming {@code source}. */
    public static JsonNode tree(String text, String source) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * Writes {@code value} as {@link #line} writes it, in UTF-8, to {@code out} as it goes, and leaves
     * {@code out} open: a payload of any size, never held whole in memory.
     */
    public static void writeLine(OutputStream out, Object value) throws IOException {
        LINE.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
    }

    /**
     * A parser of {@code in} configured as every reader here, for a reader that takes a large value
     * apart as it streams by ({@code readValueAs} reads a part as {@link #read} would); it closes
     * {@code in} when closed. Errors are left to the caller (a checkpoint reports its own way).
     */
    public static JsonParser parser(InputStream in) throws IOException {
        return MAPPER.createParser(in);
    }

    private static String write(ObjectWriter w, Object value) {
        try {
            return w.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Our own records, maps and lists always serialise; failing here is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }

    private static String text(Path file) {
        try {
            return TextFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": not found");
        } catch (IOException e) {
            throw new UserError(file + ": unreadable: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** One line naming the source, where in it (when Jackson knows) and what, in plain words ({@link JsonErrors}). */
    private static UserError unreadable(String source, JsonProcessingException e) {
        return new UserError(source + JsonErrors.where(e) + ": " + JsonErrors.describe(e), e);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    /** Writes every non-finite double or float as null: the one place JSON's lack of NaN is handled. */
    private static final class FiniteOnly extends JsonGeneratorDelegate {
        FiniteOnly(JsonGenerator g) {
            super(g, false);   // false: objects and trees written through this generator pass through it, not around it
        }

        @Override
        public void writeNumber(double v) throws IOException {
            if (Double.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(float v) throws IOException {
            if (Float.isFinite(v)) {
                super.writeNumber(v);
            } else {
                writeNull();
            }
        }

        /** Jackson writes a double[] in one call to the generator it wraps; element by element, each passes the check above. */
        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }
}
