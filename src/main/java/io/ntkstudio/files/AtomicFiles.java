package io.ntkstudio.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Writes a file through a temporary sibling and a rename, so that a failed write never leaves
 * half a file or touches the file already there. The new file gets the mode of the file it
 * replaces, or the user's umask when there was none (the temporary is created by open(2) with
 * 0666, not by createTempFile's 0600).
 */
public final class AtomicFiles {
    /** The body of a text write. */
    public interface Body {
        void write(Writer out) throws IOException;
    }

    /** The body of any write: fills the temporary file it is given. */
    public interface FileBody {
        void write(Path temporary) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes UTF-8 text. */
    public static void write(Path target, Body body) throws IOException {
        writeFile(target, tmp -> {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(out);
            }
        });
    }

    /**
     * Lets {@code body} fill a temporary sibling of {@code target}, forces it to disk and renames it
     * over the target. A link is written through to the file it names; a device, pipe or socket is
     * refused, never replaced.
     */
    public static void writeFile(Path target, FileBody body) throws IOException {
        Path real = OutputTargets.followLinks(target, target.toAbsolutePath().normalize(), false);
        OutputTargets.requireRegularOrNew(target, real);
        Path dir = real.getParent();
        Files.createDirectories(dir);
        Path tmp = freshSibling(dir, real.getFileName().toString());
        try {
            body.write(tmp);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            keepMode(real, tmp);
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            OutputTargets.force(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Before any work: refuses a target that {@link #writeFile} would not write (a link to a
     * device, a pipe, a folder) or that is one of {@code inputs} (through any link).
     */
    public static void requireNewOrRegular(Path target, Path... inputs) throws IOException {
        Path real = OutputTargets.followLinks(target, target.toAbsolutePath().normalize(), false);
        OutputTargets.requireRegularOrNew(target, real);
        if (Files.exists(real)) {
            for (Path in : inputs) {
                if (in != null && Files.exists(in) && Files.isSameFile(real, in)) {
                    throw new OutputDirectory.Refused("--out " + target + " is the input " + in
                            + "; writing the output would replace it, so choose another --out");
                }
            }
        }
    }

    /** Creates an empty, unused "." + name + ".…tmp" in {@code dir}, with the umask's mode. */
    private static Path freshSibling(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Gives {@code fresh} the POSIX permissions of {@code existing}, when both are on a POSIX file system. */
    public static void keepMode(Path existing, Path fresh) throws IOException {
        if (Files.exists(existing) && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(existing);
            Files.setPosixFilePermissions(fresh, mode);
        }
    }

    /** A row-major matrix as CSV, no header, every number round-trip exact. */
    public static void writeMatrix(Path target, int rows, int cols, double[] data) throws IOException {
        write(target, out -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        line.append(',');
                    }
                    line.append(data[i * cols + j]);
                }
                out.write(line.append('\n').toString());
            }
        });
    }
}
