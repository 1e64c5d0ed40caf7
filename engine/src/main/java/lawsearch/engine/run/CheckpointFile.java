package lawsearch.engine.run;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import lawsearch.engine.search.SearchState;
import lawsearch.grammar.core.UserError;

/**
 * One checkpoint file: a {@link CheckpointHeader} line, then the payload it describes
 * ({@link Checkpoint}). The payload is streamed both ways, never held as one array: a long run's
 * payload grows by about 128 bytes a law scored, past any heap it could be copied into and, after
 * some 16 million laws, past the 2 GB a Java array can hold.
 */
final class CheckpointFile {
    private static final int BUFFER = 1 << 16;

    private CheckpointFile() { }

    /**
     * Writes a placeholder header, streams the payload after it through a byte count and SHA-256,
     * then writes the real header over the placeholder (the same length, so the payload stays put).
     */
    static void write(FileChannel ch, SearchState s, long seed) throws IOException {
        byte[] placeholder = CheckpointHeader.placeholder(CheckpointStore.FORMAT).bytes();
        writeAt(ch, placeholder, 0);
        ch.position(placeholder.length);
        Sha256Out payload = new Sha256Out(new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER));
        Checkpoint.encode(s, seed, payload);
        payload.flush();   // not closed: that would close the channel before AtomicFiles syncs it
        CheckpointHeader header = new CheckpointHeader(CheckpointStore.FORMAT, payload.count(), payload.hex());
        writeAt(ch, header.bytes(), 0);
    }

    /**
     * The state in {@code file}, verified before any of its payload is parsed: header, format, then
     * length (from the file's size) and checksum (a streaming pass), then the payload, parsed from the
     * same open file so both passes read the same bytes.
     */
    static SearchState read(Path file, long seed, Set<String> variables) throws Checkpoint.Invalid {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = head(ch);
            int nl = indexOf(head, (byte) '\n');
            CheckpointHeader h = nl < 0 ? null : CheckpointHeader.parse(new String(head, 0, nl, StandardCharsets.UTF_8));
            if (h == null) {
                throw new Checkpoint.Invalid(size == 0 ? "empty" : "no checkpoint header (damaged or not a checkpoint)");
            }
            if (h.format() > CheckpointStore.FORMAT) {
                throw new UserError(file + ": format " + h.format() + " is newer than this lawsearch (" + CheckpointStore.FORMAT + ")");
            }
            long start = nl + 1;
            long length = size - start;
            if (length != h.length()) {
                throw new Checkpoint.Invalid("truncated or extended: " + length + " bytes, the header says " + h.length());
            }
            if (!sha256(ch, start).equals(h.sha256())) {
                throw new Checkpoint.Invalid("checksum mismatch (the file was altered or damaged)");
            }
            ch.position(start);
            return Checkpoint.decode(Channels.newInputStream(ch), seed, variables);
        } catch (IOException e) {
            throw new Checkpoint.Invalid("unreadable: " + e.getMessage());
        }
    }

    /** The file's first bytes, as many as a header line can take, or all of a shorter file. */
    private static byte[] head(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CheckpointHeader.MAX_LENGTH);
        while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
            // positional reads until the buffer is full or the file ends
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The SHA-256 of the file from {@code start} to its end, read in blocks. */
    private static String sha256(FileChannel ch, long start) throws IOException {
        MessageDigest d = sha256();
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long at = start;
        int n;
        while ((n = ch.read(buf.clear(), at)) > 0) {
            d.update(buf.flip());
            at += n;
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void writeAt(FileChannel ch, byte[] bytes, long position) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf, position + buf.position());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Passes bytes on, counting them and taking their SHA-256 as they go. */
    private static final class Sha256Out extends FilterOutputStream {
        private final MessageDigest digest = sha256();
        private long count;

        Sha256Out(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
