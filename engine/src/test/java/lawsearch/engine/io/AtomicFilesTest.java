package lawsearch.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import lawsearch.grammar.core.UserError;

/** A reader sees the old content or the new, never a part, and a failed write leaves nothing behind. */
class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void aNewFileIsReadableByAllAndAReplacedOneKeepsItsPermissions() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path f = dir.resolve("index.html");
        AtomicFiles.write(f, "<p>a</p>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(f, "<p>b</p>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-rw----");
    }

    @Test
    void replacesTheContent() throws IOException {
        Path f = dir.resolve("checkpoint-1.json");
        AtomicFiles.write(f, "old");
        AtomicFiles.write(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(files()).containsExactly("checkpoint-1.json");
    }

    @Test
    void aFailureBeforeTheRenameLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("checkpoint-1.json");
        AtomicFiles.write(f, "old");
        assertThatThrownBy(() -> AtomicFiles.write(f, "new, half written".getBytes(), () -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        assertThat(files()).containsExactly("checkpoint-1.json");
    }

    @Test
    void aStreamedBodyMayFillInItsHeadAfterwardsAndOneThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("checkpoint-1.json");
        AtomicFiles.write(f, ch -> {
            ch.write(ByteBuffer.wrap("?? body".getBytes()));
            ch.write(ByteBuffer.wrap("ok".getBytes()), 0);
        });
        assertThat(Files.readString(f)).isEqualTo("ok body");
        assertThatThrownBy(() -> AtomicFiles.write(f, ch -> {
            ch.write(ByteBuffer.wrap("half a".getBytes()));
            throw new IOException("No space left on device");
        })).isInstanceOf(UserError.class).hasMessage("cannot write " + f + ": No space left on device");
        assertThat(Files.readString(f)).isEqualTo("ok body");
        assertThat(files()).containsExactly("checkpoint-1.json");
    }

    @Test
    void aFailedFirstWriteCreatesNoFile() throws IOException {
        Path f = dir.resolve("result.json");
        assertThatThrownBy(() -> AtomicFiles.write(f, "{}".getBytes(), () -> {
            throw new IllegalStateException("killed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void anUnwritablePathIsAOneLineUserErrorNamingItAndWhy() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("site"));
        assertThatThrownBy(() -> AtomicFiles.write(folder, "x")).isInstanceOf(UserError.class)
                .hasMessage("cannot write " + folder + ": it is a directory");
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> AtomicFiles.write(file.resolve("a/b.json"), "x")).isInstanceOf(UserError.class)
                .hasMessage("cannot write " + file.resolve("a/b.json") + ": " + file + " is not a directory");
        assertThat(files()).containsExactly("notes.txt", "site");
    }

    private java.util.List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
