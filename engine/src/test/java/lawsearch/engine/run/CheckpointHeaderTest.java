package lawsearch.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header is written before its payload and over itself after, so every header has the placeholder's length. */
class CheckpointHeaderTest {
    private static final String HEX = "0123456789abcdef".repeat(4);

    @Test
    void everyHeaderIsAsLongAsThePlaceholderItReplaces() {
        int placeholder = CheckpointHeader.placeholder(2).bytes().length;
        for (long length : new long[] {0, 1, 3525, Integer.MAX_VALUE + 1L, 999_999_999_999_999_999L}) {
            assertThat(new CheckpointHeader(2, length, HEX).bytes()).hasSize(placeholder);
        }
    }

    @Test
    void aWrittenHeaderParsesBackAndTheOldUnpaddedOneStillParses() {
        CheckpointHeader h = new CheckpointHeader(2, 3_000_000_000L, HEX);
        String line = new String(h.bytes(), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(line).isEqualTo("lawsearch-checkpoint 2 000000003000000000 sha256:" + HEX + "\n");
        assertThat(CheckpointHeader.parse(line.strip())).isEqualTo(h);
        assertThat(CheckpointHeader.parse("lawsearch-checkpoint 1 3525 sha256:" + HEX)).isEqualTo(new CheckpointHeader(1, 3525, HEX));
        assertThat(CheckpointHeader.parse("lawsearch-checkpoint 2 0000000000000000003 sha256:" + HEX)).isNull();   // 19 digits
        assertThat(CheckpointHeader.parse("lawsearch-checkpoint 2 12 md5:" + HEX)).isNull();
    }
}
