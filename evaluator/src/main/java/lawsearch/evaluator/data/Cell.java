package lawsearch.evaluator.data;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number in a CSV cell. Decimal notation as Python and spreadsheets write it ({@code 3}, {@code -0.5},
 * {@code 4e9}); NaN and infinities (also pandas' {@code nan}, {@code inf}) are recognised but rejected,
 * because a non-finite value would poison every fit and score it touches. A size may carry the
 * magnitude ML papers write it with: {@code 125M}, {@code 1.3B}, {@code 2T}, {@code 32k} (thousand,
 * million, billion, trillion): read as text, a model-size column of {@code 30M … 1B} was left out of
 * the features without a word and the law fitted on tokens alone (test R² −0.92).
 */
final class Cell {
    /** Java's parser alone would also take hex floats and a type suffix ({@code 1d}, {@code 2f}). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** A plain decimal and one magnitude letter, case as written: {@code m} (milli?) is not one. */
    private static final Pattern SIZED = Pattern.compile("([+-]?(\\d+\\.?\\d*|\\.\\d+))([kKMBT])");
    private static final Pattern NAN = Pattern.compile("[+-]?nan");
    private static final Pattern INFINITE = Pattern.compile("[+-]?inf(inity)?");

    private Cell() { }

    /** Whether {@code text} (stripped) is a number, finite or not: such a column holds data. */
    static boolean isNumber(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        return DECIMAL.matcher(s).matches() || SIZED.matcher(text).matches() || NAN.matcher(s).matches() || INFINITE.matcher(s).matches();
    }

    /** The finite number in {@code text} (stripped), or a DataException naming file, line and column. */
    static double number(String text, String file, long line, String column) {
        String where = "column '" + column + "': ";
        if (text.isEmpty()) {
            throw DataException.at(file, line, where + "empty cell");
        }
        String s = text.toLowerCase(Locale.ROOT);
        if (NAN.matcher(s).matches()) {
            throw DataException.at(file, line, where + "NaN");
        }
        if (INFINITE.matcher(s).matches()) {
            throw DataException.at(file, line, where + "infinite");
        }
        var sized = SIZED.matcher(text);
        boolean isSized = sized.matches();
        if (!isSized && !DECIMAL.matcher(text).matches()) {
            throw DataException.at(file, line, where + "not a number: '" + text + "'" + sizeHint(text));
        }
        // 1.3B as 1.3e9 parses to the double nearest 1.3e9, which 1.3 * 1e9 need not be.
        double v = Double.parseDouble(isSized ? sized.group(1) + "e" + exponent(sized.group(3).charAt(0)) : text);
        if (Double.isInfinite(v)) {
            throw DataException.at(file, line, where + "infinite (" + text + " overflows a double)");
        }
        return v;
    }

    /** The finite number {@code text} (stripped) reads as, as a cell would, or null. */
    static Double finite(String text) {
        try {
            return number(text, "", 0, "");
        } catch (DataException e) {
            return null;
        }
    }

    /** For a size with a magnitude letter in the wrong case ({@code 5m}, {@code 1.3b}), how to write it; else "". */
    static String sizeHint(String text) {
        return SIZED.matcher(text.toUpperCase(Locale.ROOT)).matches()
                ? " (a size? write its magnitude k, M, B or T: 1e3, 1e6, 1e9, 1e12)" : "";
    }

    private static int exponent(char magnitude) {
        return switch (magnitude) {
            case 'k', 'K' -> 3;
            case 'M' -> 6;
            case 'B' -> 9;
            default -> 12;   // T
        };
    }
}
