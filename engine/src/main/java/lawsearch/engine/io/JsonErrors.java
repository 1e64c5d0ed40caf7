package lawsearch.engine.io;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Jackson's complaints about a JSON file in plain words, one line: where ({@code :3:12}, the file's
 * line and column, when Jackson knows them) and what, naming the field by its path
 * ({@code "constants.web.A" must be a number, got "x"}). Jackson's own wording ("Cannot construct
 * instance of `…$Source` (although at least one Creator exists)…") names Java classes, not the file.
 */
public final class JsonErrors {
    private JsonErrors() { }

    /** {@code :line:column} of {@code e}, or "" when Jackson has no position in a file (a tree). */
    public static String where(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr());
    }

    /** What is wrong, in one line, without the position ({@link #where}). */
    public static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "not valid JSON: " + plain(e.getOriginalMessage());
        }
        if (!(e instanceof JsonMappingException m)) {
            return plain(e.getOriginalMessage());
        }
        String field = path(m);
        if (m.getCause() instanceof JsonParseException p) {   // bad JSON met while mapping a field
            return "not valid JSON: " + plain(p.getOriginalMessage()) + (field.isEmpty() ? "" : " (in \"" + field + "\")");
        }
        if (m instanceof UnrecognizedPropertyException u) {
            return "unknown key \"" + field + "\"";
        }
        if (m instanceof ValueInstantiationException && m.getCause() != null) {   // a record's constructor refused the value
            return (field.isEmpty() ? "" : "\"" + field + "\": ") + plain(m.getCause().getMessage());
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            String what = field.isEmpty() ? "the file" : "\"" + field + "\"";
            return what + " must be " + kind(mi.getTargetType()) + got(mi);
        }
        return (field.isEmpty() ? "" : "\"" + field + "\": ") + plain(m.getOriginalMessage());
    }

    /** The field's path, nested keys joined by dots and array positions in brackets: {@code data.targets[0]}. */
    public static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + Math.max(0, r.getIndex()) + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** What a value of {@code type} is, in JSON's terms. */
    static String kind(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "a " + type.getSimpleName();
    }

    /** ", got …": the value Jackson could not take, when it says (a number's text, a string quoted, a kind). */
    private static String got(MismatchedInputException e) {
        if (e instanceof InvalidFormatException f && f.getValue() != null) {
            Object v = f.getValue();
            return ", got " + (v instanceof String s ? "\"" + s + "\"" : v);
        }
        if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
            return "";
        }
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_ARRAY -> ", got an array";
            case START_OBJECT -> ", got an object";
            case VALUE_NULL -> ", got null";
            case VALUE_TRUE, VALUE_FALSE -> ", got " + t.asString();
            case VALUE_STRING -> ", got \"" + text(p) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", got " + text(p);
            default -> "";
        };
    }

    private static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The first line, without Jackson's " (code 125)" and its excerpt of the source. */
    private static String plain(String message) {
        String first = message == null ? "malformed JSON" : message.lines().findFirst().orElse("").strip();
        int marker = first.indexOf(" (start marker at [Source");
        first = marker < 0 ? first : first.substring(0, marker);
        return first.replaceAll(" \\(code \\d+\\)", "");
    }
}
