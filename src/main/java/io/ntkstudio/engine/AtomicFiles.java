package io.ntkstudio.engine;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling and a rename, so that a failed write never leaves
 * half a file or touches the file already there.
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

    /** Lets {@code body} fill a temporary sibling of {@code target}, then renames it over the target. */
    public static void writeFile(Path target, FileBody body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            body.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
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
