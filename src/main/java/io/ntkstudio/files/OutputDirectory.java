package io.ntkstudio.files;

import com.google.gson.JsonPrimitive;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A command's output folder written as one unit, in a folder this program owns or nothing is
 * touched. The files are written into a fresh hidden sibling, {@code .NAME.staging-…}, made with
 * the folder's permissions; {@link #commit} writes the manifest ({@value #MANIFEST}: the status and
 * the files this program wrote), forces everything to disk, moves the old folder aside, renames
 * the new one into place and deletes the old. A reader sees the complete old set or the complete
 * new set (during the two renames, briefly, no folder). Files the user put in the folder (not in
 * its manifest) are carried into the new one; any that appear during the swap keep the old folder,
 * renamed, instead of being deleted. One run per folder at a time ({@link OutputLock}). What a
 * SIGKILL leaves is repaired by the next {@link #open}: staging folders of runs that are gone are
 * deleted, and an old set whose replacement never arrived is put back. A folder without a manifest
 * that holds anything is refused, never replaced: it is the user's.
 */
public final class OutputDirectory implements AutoCloseable {
    /** The manifest in every set: the caller's status, and the files this program wrote. */
    public static final String MANIFEST = "status.json";

    /** The folder cannot be used; the message names it and the fix. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Path target;
    private final Path staging;
    private final Set<String> owned;
    private final OutputLock lock;
    private boolean committed;

    private OutputDirectory(Path target, Path staging, Set<String> owned, OutputLock lock) {
        this.target = target;
        this.staging = staging;
        this.owned = owned;
        this.lock = lock;
    }

    /**
     * Checks {@code out} before any work (a link is followed to its folder), takes its lock,
     * repairs what an earlier killed run left, and creates the staging folder. {@code names} are
     * the files the command writes; a folder written before manifests listed their files owns those.
     */
    public static OutputDirectory open(Path out, Set<String> names) throws IOException {
        if (out == null || out.toString().isBlank()) {
            throw new Refused("--out is empty; name a folder for the outputs, e.g. --out results");
        }
        Path target = OutputTargets.followLinks(out, out.toAbsolutePath().normalize(), true);
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
        OutputLock lock;
        try {
            lock = OutputLock.take(parent, target.getFileName().toString(), out.toString());
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Refused("--out " + out + ": cannot write in " + parent + " (" + reason(e) + "); choose a folder you can write to");
        }
        try {
            recover(target);
            Set<String> owned = OutputTargets.owned(out, target, names);
            Path staging = parent.resolve("." + target.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            try {
                OutputTargets.createLike(staging, target);
            } catch (IOException e) {
                throw new Refused("--out " + out + ": cannot write in " + parent + " (" + reason(e) + "); choose a folder you can write to");
            }
            return new OutputDirectory(target, staging, owned, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Where to write output {@code name} before the commit. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The staging folder the outputs are written into before the commit. */
    public Path folder() {
        return staging;
    }

    /** The folder the user named (a link followed). */
    public Path target() {
        return target;
    }

    /** {@link #commit(String)} with a manifest that lists only the files. */
    public String commit() throws IOException {
        return commit("");
    }

    /**
     * Writes the manifest ({@code status}: JSON members, e.g. {@code "status": "complete"}, then the
     * files), forces the set to disk and puts it in place of the old one; each file keeps the mode
     * of the one it replaces and the user's files are carried over. Returns null, or one line
     * saying the old folder was kept and where: files of the user's stayed in it (they appeared
     * during the swap, or have a name the new set writes).
     */
    public String commit(String status) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> staged = Files.list(staging)) {
            staged.forEach(p -> files.add(p.getFileName().toString()));
        }
        files.remove(MANIFEST);
        files.add(MANIFEST);
        files.sort(null);
        String list = files.stream().map(f -> new JsonPrimitive(f).toString()).collect(Collectors.joining(", "));
        AtomicFiles.write(staging.resolve(MANIFEST), w -> w.write("{" + (status.isBlank() ? "" : status + ", ")
                + "\"files\": [" + list + "]}\n"));
        OutputTargets.forceTree(staging);
        Path parent = target.getParent();
        if (!Files.isDirectory(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            OutputTargets.force(parent);
            return null;
        }
        AtomicFiles.keepMode(target, staging);
        for (String f : files) {
            AtomicFiles.keepMode(target.resolve(f), staging.resolve(f));
        }
        OutputTargets.carryOver(target, staging, owned);
        Path old = parent.resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        OutputTargets.force(parent);
        List<String> late = OutputTargets.foreign(old, owned);
        if (late.isEmpty()) {
            deleteTree(old);
            return null;
        }
        Path kept = OutputTargets.freshName(parent, target.getFileName() + ".previous");
        Files.move(old, kept, StandardCopyOption.ATOMIC_MOVE);
        return "kept the previous " + target.getFileName() + " as " + kept + ": it holds files this program did not write ("
                + String.join(", ", late.subList(0, Math.min(3, late.size()))) + (late.size() > 3 ? ", …" : "") + ")";
    }

    /** Deletes the staging folder now, quietly: for a process about to end while nothing writes to it. */
    public void discard() {
        try {
            deleteTree(staging);
        } catch (IOException | RuntimeException e) {
            // the next run into this folder deletes what is left
        }
    }

    /** Without a commit, deletes the staging folder: the old set stays as it was. Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } finally {
            lock.close();
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

    static void deleteTree(Path root) throws IOException {
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
