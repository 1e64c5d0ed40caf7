package lawsearch.evaluator.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A leading byte-order mark is dropped by both ways of reading; nothing else is touched. */
class TextFilesTest {
    @TempDir Path dir;

    @Test
    void aLeadingByteOrderMarkIsDropped() throws IOException {
        Path bom = Files.writeString(dir.resolve("bom.csv"), "\uFEFFgroup,x\n");
        assertThat(TextFiles.read(bom)).isEqualTo("group,x\n");
        try (BufferedReader in = TextFiles.reader(bom)) {
            assertThat(in.readLine()).isEqualTo("group,x");
        }
    }

    @Test
    void otherTextIsReadAsItIs() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "group,\uFEFFx\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThat(TextFiles.read(plain)).isEqualTo("group,\uFEFFx\n");
        assertThat(TextFiles.read(empty)).isEmpty();
        try (BufferedReader in = TextFiles.reader(plain); BufferedReader none = TextFiles.reader(empty)) {
            assertThat(in.readLine()).isEqualTo("group,\uFEFFx");
            assertThat(none.readLine()).isNull();
        }
    }
}
