package lawsearch.engine.search;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * {@link SearchOptions} from JSON: the keys given override the defaults, nested objects key by key
 * (arrays are replaced whole), so an options file names only what differs, and a config.json
 * written before an option existed reads it as its default. Jackson does the merge
 * ({@code readerForUpdating} on the defaults' tree) and the typing; every problem comes out as one
 * {@link IllegalArgumentException} line naming the key.
 */
public final class OptionsJson {
    private OptionsJson() { }

    /**
     * The defaults with {@code overrides} (a JSON object; null: none) merged over them. With
     * {@code strict}, an unknown key is an error; without, it is ignored (as config.json's readers
     * ignore keys a newer lawsearch wrote).
     */
    public static SearchOptions merge(JsonNode overrides, boolean strict) {
        if (overrides == null || overrides.isNull() || overrides.isMissingNode()) {
            return SearchOptions.DEFAULTS;
        }
        if (!overrides.isObject()) {
            throw new IllegalArgumentException("the options must be a JSON object, got " + overrides);
        }
        ObjectMapper mapper = strict ? STRICT : LENIENT;
        JsonNode merged = null;
        try {
            merged = mapper.readerForUpdating(mapper.valueToTree(SearchOptions.DEFAULTS)).readValue(overrides);
            return mapper.treeToValue(merged, SearchOptions.class);
        } catch (ValueInstantiationException e) {
            // A record's constructor refused a value: its message already names the key.
            throw new IllegalArgumentException(e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            String key = key(e.getPath());
            String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
            throw new IllegalArgumentException("unknown option \"" + key + "\" (known: " + known(parent) + ")");
        } catch (MismatchedInputException e) {
            String key = key(e.getPath());
            throw new IllegalArgumentException(key + ": must be " + expected(e.getTargetType()) + ", got "
                    + (merged == null ? "?" : at(merged, e.getPath())));
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(lawsearch.engine.io.JsonErrors.describe(e));   // plain words, naming the key
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    /** The key a mapping error is at, nested keys joined by dots: {@code fit.max_iterations}. */
    private static String key(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The keys of the default options' object at {@code parent} ("" for the top level), in their order. */
    private static String known(String parent) {
        JsonNode node = STRICT.valueToTree(SearchOptions.DEFAULTS);
        for (String k : parent.isEmpty() ? new String[0] : parent.split("\\.")) {
            node = node.path(k);
        }
        StringBuilder sb = new StringBuilder();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            sb.append(sb.isEmpty() ? "" : ", ").append(it.next());
        }
        return sb.toString();
    }

    /** The merged value a mapping error is at, as JSON. */
    private static JsonNode at(JsonNode merged, List<JsonMappingException.Reference> path) {
        JsonNode node = merged;
        for (JsonMappingException.Reference r : path) {
            node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
        }
        return node;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static ObjectMapper mapper(boolean strict) {
        ObjectMapper m = JsonMapper.builder()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)   // 4.5 islands is an error, not 4
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)      // nor is "4"
                .build();
        m.configOverride(ArrayNode.class).setMergeable(false);        // joint_fractions: [0.3] replaces, not appends
        return m;
    }

    private static final ObjectMapper STRICT = mapper(true);
    private static final ObjectMapper LENIENT = mapper(false);
}
