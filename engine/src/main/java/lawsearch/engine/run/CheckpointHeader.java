package lawsearch.engine.run;

import java.nio.charset.StandardCharsets;

/**
 * A checkpoint file's first line, {@code lawsearch-checkpoint <format> <bytes> sha256:<hex>}: the
 * format and the length and SHA-256 of the payload that follows it.
 *
 * <p>Written, the length has a fixed width of {@link #DIGITS} digits, zero-padded, so that the
 * header can be written before the payload is streamed and filled in over itself, at the same
 * length, once the payload's length and checksum are known. Every reader since format 1 takes a
 * length of 1 to 18 digits, so a padded header reads as the unpadded one did.
 */
record CheckpointHeader(long format, long length, String sha256) {
    static final String MAGIC = "lawsearch-checkpoint";
    static final int DIGITS = 18;
    private static final String PREFIX = "sha256:";
    private static final int HEX = 64;

    /** A header line is at most this long; a longer first line is no header. */
    static final int MAX_LENGTH = 1024;

    /** What stands in the file while its payload is written: the same length as the header that replaces it. */
    static CheckpointHeader placeholder(long format) {
        return new CheckpointHeader(format, 0, "0".repeat(HEX));
    }

    /** The line as written, newline included: always {@code placeholder(format).bytes().length} long. */
    byte[] bytes() {
        if (sha256.length() != HEX) {
            throw new IllegalArgumentException("a SHA-256 has " + HEX + " hex digits: " + sha256);
        }
        String padded = String.format("%0" + DIGITS + "d", length);
        return (MAGIC + " " + format + " " + padded + " " + PREFIX + sha256 + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The header in {@code line} (without its newline), or null when it is not one. */
    static CheckpointHeader parse(String line) {
        String[] h = line.split(" ");
        if (h.length != 4 || !h[0].equals(MAGIC) || !h[3].startsWith(PREFIX) || !isNumber(h[1]) || !isNumber(h[2])) {
            return null;
        }
        return new CheckpointHeader(Long.parseLong(h[1]), Long.parseLong(h[2]), h[3].substring(PREFIX.length()));
    }

    private static boolean isNumber(String s) {
        return s.matches("\\d{1,18}");
    }
}
