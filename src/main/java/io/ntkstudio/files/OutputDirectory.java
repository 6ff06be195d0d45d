package io.ntkstudio.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A command's output folder written as one unit. The files are written into a fresh hidden
 * sibling, {@code .NAME.staging-…}; {@link #commit} moves the old folder aside, renames the new one
 * into place and deletes the old. A reader sees the complete old set or the complete new set
 * (during the two renames, briefly, no folder). What a SIGKILL leaves is repaired by the next
 * {@link #open}: staging folders are deleted, and an old set whose replacement never arrived is put
 * back. A folder holding files this command does not write is refused, never replaced: it is the
 * user's.
 */
public final class OutputDirectory implements AutoCloseable {
    /** The folder cannot be used; the message names it and the fix. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks {@code out} before any work, repairs what an earlier killed run left, and creates the
     * staging folder. {@code names} are the files the command may write (anything else found in an
     * existing {@code out} refuses it).
     */
    public static OutputDirectory open(Path out, Set<String> names) throws IOException {
        if (out == null || out.toString().isBlank()) {
            throw new Refused("--out is empty; name a folder for the outputs, e.g. --out results");
        }
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || target.getFileName() == null) {
            throw new Refused("--out " + out + " is the root folder; name a folder inside it");
        }
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new Refused("--out " + out + ": " + parent + " is a file, not a folder; choose another --out");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot create " + parent + " (" + reason(e) + "); choose a folder you can write to");
        }
        recover(target);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new Refused("--out " + out + " is a file; give a folder");
        }
        if (Files.isDirectory(target)) {
            List<String> foreign = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                for (Path e : entries) {
                    if (!names.contains(e.getFileName().toString()) || Files.isDirectory(e)) {
                        foreign.add(e.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                throw new Refused("--out " + out + " cannot be read (" + reason(e) + "); choose a folder you can write to");
            }
            if (!foreign.isEmpty()) {
                foreign.sort(null);
                throw new Refused("--out " + out + " holds files this command did not write (" + String.join(", ",
                        foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", …" : "")
                        + "); the outputs replace the folder as a whole, so give a new or empty folder");
            }
        }
        Path staging = parent.resolve("." + target.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot write in " + parent + " (" + reason(e) + "); choose a folder you can write to");
        }
        return new OutputDirectory(target, staging);
    }

    /** Where to write output {@code name} before the commit. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The staging folder the outputs are written into before the commit. */
    public Path folder() {
        return staging;
    }

    /** The folder the user named. */
    public Path target() {
        return target;
    }

    /** Puts the new set in place of the old one; each file keeps the mode of the one it replaces. */
    public void commit() throws IOException {
        Path parent = target.getParent();
        if (Files.isDirectory(target)) {
            AtomicFiles.keepMode(target, staging);
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    AtomicFiles.keepMode(target.resolve(f.getFileName().toString()), f);
                }
            }
            Path old = parent.resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            deleteTree(old);
        } else {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }
    }

    /** Without a commit, deletes the staging folder: the old set stays as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    /** Deletes staging folders of killed runs, and puts back an old set whose successor never arrived. */
    private static void recover(Path target) throws IOException {
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        List<Path> olds = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, "." + name + ".*")) {
            for (Path p : siblings) {
                String s = p.getFileName().toString();
                if (s.startsWith("." + name + ".staging-")) {
                    deleteTree(p);
                } else if (s.startsWith("." + name + ".old-")) {
                    olds.add(p);
                }
            }
        } catch (AccessDeniedException e) {
            return;
        }
        olds.sort(Comparator.comparing((Path p) -> p.getFileName().toString()));
        for (Path old : olds) {
            if (!Files.exists(target)) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteTree(old);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The operating system's reason, without an exception class name. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "I/O error" : e.getMessage();
    }
}
