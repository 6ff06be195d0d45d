package io.ntkstudio.files;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an output target is before anything is written to it, and the file-system steps of a
 * commit: links followed, special files and mount points refused, the files a folder's manifest
 * says this program wrote, and forcing a set to disk before it is renamed into place.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    /**
     * The path a write to {@code abs} ({@code shown} as the user typed it) really goes to: a link's
     * target. A link to nothing is refused for a folder, and for a file is written through to the
     * path it names.
     */
    static Path followLinks(Path shown, Path abs, boolean folder) throws IOException {
        Path p = abs;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new OutputDirectory.Refused("--out " + shown + " is a loop of links; choose another --out");
            }
            Path to = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
            if (folder && !Files.exists(to)) {
                throw new OutputDirectory.Refused("--out " + shown + " is a link to " + to
                        + ", which does not exist; create that folder or choose another --out");
            }
            p = to;
        }
        return p;
    }

    /** Refuses a path that exists and is not a regular file (a device, a pipe, a socket, a folder). */
    static void requireRegularOrNew(Path shown, Path p) throws IOException {
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new OutputDirectory.Refused("--out " + shown + (Files.isDirectory(p) ? " is a folder; name a file inside it"
                    : " is a device, pipe or socket, not a file; name a regular file"));
        }
    }

    /**
     * The entries of {@code target} this program wrote, from its manifest; empty for a new or empty
     * folder. Refuses a file, a special file, a mount point, and a folder with entries but no
     * manifest. A manifest from before manifests listed files owns the {@code names} found.
     */
    static Set<String> owned(Path shown, Path target, Set<String> names) throws IOException {
        Set<String> owned = new HashSet<>();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return owned;
        }
        if (!Files.isDirectory(target)) {
            throw new OutputDirectory.Refused("--out " + shown + (Files.isRegularFile(target) ? " is a file; give a folder"
                    : " is a device, pipe or socket; give a folder"));
        }
        if (!sameDevice(target, target.getParent())) {
            throw new OutputDirectory.Refused("--out " + shown + " is a mount point, which cannot be replaced as a whole; "
                    + "give a folder inside it");
        }
        List<String> entries = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(target)) {
            all.forEach(e -> entries.add(e.getFileName().toString()));
        } catch (IOException e) {
            throw new OutputDirectory.Refused("--out " + shown + " cannot be read (" + OutputDirectory.reason(e)
                    + "); choose a folder you can write to");
        }
        if (entries.isEmpty()) {
            return owned;
        }
        JsonObject manifest = manifest(target.resolve(OutputDirectory.MANIFEST));
        if (manifest == null) {
            entries.sort(null);
            throw new OutputDirectory.Refused("--out " + shown + " holds files this program did not write (" + String.join(", ",
                    entries.subList(0, Math.min(3, entries.size()))) + (entries.size() > 3 ? ", …" : "")
                    + ") and no " + OutputDirectory.MANIFEST + " of its own; give a new or empty folder");
        }
        owned.add(OutputDirectory.MANIFEST);
        JsonElement files = manifest.get("files");
        if (files != null && files.isJsonArray()) {
            files.getAsJsonArray().forEach(f -> owned.add(f.getAsString()));
        } else {
            for (String e : entries) {
                if (names.contains(e) && Files.isRegularFile(target.resolve(e))) {
                    owned.add(e);
                }
            }
        }
        return owned;
    }

    /** The manifest's JSON object, or null when the file is missing or not one this program writes. */
    private static JsonObject manifest(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1 << 20) {
                return null;
            }
            JsonElement e = JsonParser.parseString(Files.readString(file));
            return e.isJsonObject() && (e.getAsJsonObject().has("status") || e.getAsJsonObject().has("files")) ? e.getAsJsonObject() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean sameDevice(Path a, Path b) {
        try {
            return Files.getAttribute(a, "unix:dev").equals(Files.getAttribute(b, "unix:dev"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    /** Creates folder {@code fresh} with the permissions of {@code like} where it exists (never wider meanwhile). */
    static void createLike(Path fresh, Path like) throws IOException {
        if (!Files.isDirectory(like) || Files.getFileAttributeView(like, PosixFileAttributeView.class) == null) {
            Files.createDirectory(fresh);
            return;
        }
        Files.createDirectory(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(fresh, Files.getPosixFilePermissions(like));
    }

    /** Moves the entries of {@code from} that are not {@code owned} into {@code to}, unless {@code to} has that name. */
    static void carryOver(Path from, Path to, Set<String> owned) throws IOException {
        for (String e : foreign(from, owned)) {
            if (!Files.exists(to.resolve(e), LinkOption.NOFOLLOW_LINKS)) {
                Files.move(from.resolve(e), to.resolve(e), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** The entries of {@code dir} that are not {@code owned}, sorted. */
    static List<String> foreign(Path dir, Set<String> owned) throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path e : all) {
                if (!owned.contains(e.getFileName().toString())) {
                    out.add(e.getFileName().toString());
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** {@code base}-yyyymmdd-hhmmss in {@code parent}, with a counter when that is taken. */
    static Path freshName(Path parent, String base) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path p = parent.resolve(base + "-" + stamp);
        for (int i = 2; Files.exists(p, LinkOption.NOFOLLOW_LINKS); i++) {
            p = parent.resolve(base + "-" + stamp + "-" + i);
        }
        return p;
    }

    /** Forces every regular file in {@code dir}, then the folder, to disk. */
    static void forceTree(Path dir) throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path e : all) {
                if (Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) {
                    try (FileChannel c = FileChannel.open(e, StandardOpenOption.READ)) {
                        c.force(true);
                    }
                }
            }
        }
        force(dir);
    }

    /** Forces a folder's entries to disk where the system allows it (not on Windows). */
    static void force(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException e) {
            // a folder cannot be opened for fsync here: its files are forced, the rename is not
        }
    }
}
