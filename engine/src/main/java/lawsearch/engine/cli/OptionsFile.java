package lawsearch.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import lawsearch.engine.io.JsonErrors;
import lawsearch.engine.search.OptionsJson;
import lawsearch.engine.search.SearchOptions;
import lawsearch.grammar.core.UserError;
import lawsearch.evaluator.data.TextFiles;

/**
 * {@code discover --options FILE.json}: a JSON object whose keys override the default search
 * options ({@link OptionsJson}: nested objects merge, arrays replace). Every problem is a
 * {@link UserError} of one line naming the file (and the key): a missing file, bad JSON, an
 * unknown key, a value of the wrong type or out of range.
 */
final class OptionsFile {
    private OptionsFile() { }

    static SearchOptions read(Path file) {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": unreadable: " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = PARSER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(file + JsonErrors.where(e) + ": " + JsonErrors.describe(e));   // as every JSON file lawsearch reads
        }
        if (tree == null || !tree.isObject()) {
            throw new UserError(file + ": must hold one JSON object of options, e.g. {\"parsimony\": 0.05}");
        }
        try {
            return OptionsJson.merge(tree, true);
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /** A key given twice or text after the object is a mistake, not something to guess about. */
    private static final ObjectMapper PARSER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
}
