package lawsearch.evaluator.soundness;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The shape a reported law must have, as a user states it ({@code --shape}, a task spec's
 * {@code "shape"}): {@code none} turns the checks off; otherwise clauses separated by {@code ;}:
 * {@code decreasing: params, tokens} or {@code increasing: …} (the law must fall, or rise, along
 * those variables, which are then the ones checked out to 1000×), and one of {@code positive},
 * {@code unit} (within [0, 1]) or {@code any} (no range); a direction or a range given twice is refused. Whatever is not stated is read off the
 * train rows ({@link Domain}). {@link #AUTO} states nothing.
 */
public record ShapeSpec(boolean off, Boolean falls, List<String> along, Range range) {

    /** The target's range a law must stay in: as the rows show, positive, [0, 1], or unchecked. */
    public enum Range { AUTO, POSITIVE, UNIT, ANY }

    public static final ShapeSpec AUTO = new ShapeSpec(false, null, null, Range.AUTO);
    public static final ShapeSpec NONE = new ShapeSpec(true, null, null, Range.AUTO);

    public ShapeSpec {
        along = along == null ? null : List.copyOf(along);
    }

    /** Parses the text form; a malformed one is an IllegalArgumentException saying what is wrong. */
    public static ShapeSpec parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        if (t.equalsIgnoreCase("none")) {
            return NONE;
        }
        Boolean falls = null;
        List<String> along = null;
        Range range = Range.AUTO;
        for (String clause : t.split(";")) {
            String c = clause.strip();
            int colon = c.indexOf(':');
            String head = (colon < 0 ? c : c.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            switch (head) {
                case "decreasing", "increasing" -> {
                    if (falls != null) {
                        throw new IllegalArgumentException("\"" + c + "\": a direction is given twice");
                    }
                    falls = head.equals("decreasing");
                    along = colon < 0 ? List.of() : Arrays.stream(c.substring(colon + 1).split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).toList();
                    if (along.isEmpty()) {
                        throw new IllegalArgumentException("\"" + c + "\": name the variables, e.g. \"" + head + ": params, tokens\"");
                    }
                }
                case "positive", "unit", "any" -> {
                    if (range != Range.AUTO) {   // "positive; unit" would silently mean its last clause
                        throw new IllegalArgumentException("\"" + c + "\": a range is given twice (\""
                                + range.name().toLowerCase(Locale.ROOT) + "\" before)");
                    }
                    range = Range.valueOf(head.toUpperCase(Locale.ROOT));
                }
                default -> throw new IllegalArgumentException("\"" + c
                        + "\": expected \"decreasing: VAR, …\", \"increasing: VAR, …\", \"positive\", \"unit\", \"any\" or \"none\"");
            }
        }
        return new ShapeSpec(false, falls, along, range);
    }

    /** The text form {@link #parse} reads back. */
    public String text() {
        if (off) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        if (falls != null) {
            sb.append(falls ? "decreasing: " : "increasing: ").append(String.join(", ", along));
        }
        if (range != Range.AUTO) {
            sb.append(sb.isEmpty() ? "" : "; ").append(range.name().toLowerCase(Locale.ROOT));
        }
        return sb.isEmpty() ? "auto" : sb.toString();
    }
}
