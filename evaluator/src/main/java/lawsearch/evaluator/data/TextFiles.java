package lawsearch.evaluator.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How every input file is read as text: UTF-8, a leading byte-order mark dropped (spreadsheet
 * exports and some editors write one; it would otherwise become part of the first column name, law
 * line or JSON token). Errors are the caller's to word: each names its file its own way.
 */
public final class TextFiles {
    private static final char BOM = '\uFEFF';

    private TextFiles() { }

    /** The whole file. */
    public static String read(Path file) throws IOException {
        String text = Files.readString(file);
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** The file from its first character after any byte-order mark, for readers that stream. */
    public static BufferedReader reader(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file);
        in.mark(1);
        if (in.read() != BOM) {
            in.reset();
        }
        return in;
    }
}
