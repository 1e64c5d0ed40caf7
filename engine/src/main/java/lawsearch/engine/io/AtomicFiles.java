package lawsearch.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import lawsearch.grammar.core.UserError;

/**
 * Writes a file so that a reader sees the old content or the new, never a part: write a temporary
 * file in the same folder, fsync it, rename it over the target, fsync the folder. A path that cannot
 * be written (a folder, under a regular file, no permission) is a one-line {@link UserError} naming
 * it and why, before anything is written there.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    public static void write(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) {
        write(target, content, () -> { });
    }

    /**
     * What {@code body} writes to the temporary file's channel, streamed (a content too large for one
     * array, or one best not held in memory whole). The body may write at any position, so it can fill in
     * a header once it knows what followed; the file is fsynced and renamed only after it returns.
     */
    public static void write(Path target, Body body) {
        write(target, body, () -> { });
    }

    /** Writes a file's content to the channel of its temporary file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** As {@link #write(Path, byte[])}; {@code beforeRename} lets tests fail (or crash) the write at its weakest point. */
    static void write(Path target, byte[] content, Runnable beforeRename) {
        write(target, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }, beforeRename);
    }

    private static void write(Path target, Body body, Runnable beforeRename) {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new UserError("cannot write " + target + ": it is a directory");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {   // the system would say only "Not a directory"
            throw new UserError("cannot write " + target + ": " + existing + " is not a directory");
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            permit(tmp, target);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(ch);
                ch.force(true);
            }
            beforeRename.run();
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is ours and harmless; the error above is what matters
                }
            }
        }
    }

    /** Why an I/O operation failed, in words: the system's reason without the path Java puts first. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /**
     * A temporary file is created readable by its owner only; the file it becomes should be as
     * readable as any other: the target's own permissions when it exists, else rw-r--r-- (a
     * published HTML site must be readable by a web server running as another user).
     */
    private static void permit(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target) : READABLE;
        Files.setPosixFilePermissions(tmp, perms);
    }

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not every platform can open a folder for sync; the rename itself is already atomic
        }
    }
}
