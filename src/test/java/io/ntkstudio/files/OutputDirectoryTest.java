package io.ntkstudio.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
    private static final Set<String> NAMES = Set.of("a.csv", "b.csv");

    @TempDir
    Path dir;

    /** The folder's entries but the lock files, which stay by design (OutputLock). */
    private List<String> siblings() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")).sorted().toList();
        }
    }

    private void writeSet(Path out, String tag) throws Exception {
        try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
            AtomicFiles.write(o.file("a.csv"), w -> w.write("a " + tag));
            AtomicFiles.write(o.file("b.csv"), w -> w.write("b " + tag));
            o.commit();
        }
    }

    @Test
    void aNewSetReplacesTheOldOneWholeAndLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        writeSet(out, "new");
        assertEquals("a new", Files.readString(out.resolve("a.csv")));
        assertEquals("b new", Files.readString(out.resolve("b.csv")));
        assertEquals(List.of("run"), siblings());
    }

    @Test
    void aFailureBeforeTheCommitKeepsTheOldSetUntouched() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        assertThrows(IllegalStateException.class, () -> {
            try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
                AtomicFiles.write(o.file("a.csv"), w -> w.write("a new"));
                throw new IllegalStateException("disk full");
            }
        });
        assertEquals("a old", Files.readString(out.resolve("a.csv")));
        assertEquals("b old", Files.readString(out.resolve("b.csv")));
        assertEquals(List.of("run"), siblings());
    }

    @Test
    void whatAKilledRunLeftIsRepairedByTheNextOpen() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        // killed while writing: a staging folder; killed between the two renames: only the old set, aside
        Files.createDirectory(dir.resolve(".run.staging-1-2"));
        Files.writeString(dir.resolve(".run.staging-1-2/a.csv"), "partial");
        Files.move(out, dir.resolve(".run.old-1-3"));
        try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
            assertEquals("a old", Files.readString(out.resolve("a.csv")), "the old set is back in place");
        }
        assertEquals(List.of("run"), siblings());
    }

    @Test
    void refusesBeforeAnyWorkWhatIsNotAnOutputFolderOfItsOwn() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertTrue(assertThrows(OutputDirectory.Refused.class, () -> OutputDirectory.open(file, NAMES)).getMessage()
                .contains("is a file"));
        assertTrue(assertThrows(OutputDirectory.Refused.class, () -> OutputDirectory.open(Path.of(""), NAMES)).getMessage()
                .contains("--out is empty"));
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        Files.writeString(mine.resolve("a.csv"), "an old output");
        String message = assertThrows(OutputDirectory.Refused.class, () -> OutputDirectory.open(mine, NAMES)).getMessage();
        assertTrue(message.contains("notes.txt") && message.contains("new or empty folder"), message);
        assertEquals("my notes", Files.readString(mine.resolve("notes.txt")));
        String proc = assertThrows(OutputDirectory.Refused.class,
                () -> OutputDirectory.open(Path.of("/proc/ntk-studio-test/out"), NAMES)).getMessage();
        assertTrue(proc.contains("/proc/ntk-studio-test") && !proc.contains("Exception"), proc);
        assertFalse(siblings().stream().anyMatch(s -> s.startsWith(".")), "nothing left behind: " + siblings());
    }

    @Test
    void filesKeepTheModeOfWhatTheyReplaceAndNewOnesFollowTheUmask() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        Path plain = Files.writeString(dir.resolve("plain"), "made by open(2) with the umask");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out.resolve("a.csv")),
                "a new output gets the umask's mode, like any file the user makes");
        Files.delete(plain);
        Files.setPosixFilePermissions(out.resolve("a.csv"), PosixFilePermissions.fromString("rw-r-----"));
        writeSet(out, "new");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a.csv"))));
    }

    @Test
    void aFolderWithTheCommandsNamesButNoManifestIsTheUsersAndIsRefused() throws Exception {
        Path mine = Files.createDirectory(dir.resolve("mine"));
        Files.writeString(mine.resolve("a.csv"), "the user's own metrics");
        String message = assertThrows(OutputDirectory.Refused.class, () -> OutputDirectory.open(mine, NAMES)).getMessage();
        assertTrue(message.contains("a.csv") && message.contains("no status.json"), message);
        assertEquals("the user's own metrics", Files.readString(mine.resolve("a.csv")));
    }

    @Test
    void theManifestListsTheFilesAndWhatTheUserAddedBeforeOrDuringARunStays() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        assertTrue(Files.readString(out.resolve("status.json")).contains("\"files\": [\"a.csv\", \"b.csv\", \"status.json\"]"));
        Files.writeString(out.resolve("notes.txt"), "before");
        try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
            AtomicFiles.write(o.file("a.csv"), w -> w.write("a new"));
            // while the run goes: a note, a folder of analysis
            Files.writeString(out.resolve("during.txt"), "during");
            Files.createDirectories(out.resolve("analysis")).resolve("fit.py").toFile().createNewFile();
            assertEquals(null, o.commit("\"status\": \"complete\""));
        }
        assertEquals("a new", Files.readString(out.resolve("a.csv")));
        assertFalse(Files.exists(out.resolve("b.csv")), "what the old set wrote and the new one did not is gone");
        assertEquals("before", Files.readString(out.resolve("notes.txt")));
        assertEquals("during", Files.readString(out.resolve("during.txt")));
        assertTrue(Files.exists(out.resolve("analysis/fit.py")));
        assertTrue(Files.readString(out.resolve("status.json")).startsWith("{\"status\": \"complete\", \"files\": [\"a.csv\", \"status.json\"]"));
        assertEquals(List.of("run"), siblings());
    }

    @Test
    void aUsersFileNamedLikeANewOutputKeepsTheOldFolderAside() throws Exception {
        Path out = dir.resolve("run");
        try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
            AtomicFiles.write(o.file("a.csv"), w -> w.write("a old"));
            o.commit();
        }
        Files.writeString(out.resolve("b.csv"), "the user's b");
        String said;
        try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
            AtomicFiles.write(o.file("a.csv"), w -> w.write("a new"));
            AtomicFiles.write(o.file("b.csv"), w -> w.write("b new"));
            said = o.commit();
        }
        assertEquals("b new", Files.readString(out.resolve("b.csv")));
        Path kept = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("run.previous-")).findFirst().orElseThrow();
        assertTrue(said != null && said.contains(kept.toString()) && said.contains("b.csv"), said);
        assertEquals("the user's b", Files.readString(kept.resolve("b.csv")));
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedAndTheFirstIsUndisturbed() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        try (OutputDirectory first = OutputDirectory.open(out, NAMES)) {
            AtomicFiles.write(first.file("a.csv"), w -> w.write("a first"));
            String message = assertThrows(OutputDirectory.Refused.class, () -> OutputDirectory.open(out, NAMES)).getMessage();
            assertTrue(message.contains("being written by another run (process " + ProcessHandle.current().pid()), message);
            assertTrue(Files.isDirectory(first.folder()), "the second run left the first's staging folder alone");
            assertTrue(Files.exists(first.file("a.csv")), "the first run's staging folder is still there");
            first.commit();
        }
        assertEquals("a first", Files.readString(out.resolve("a.csv")));
        assertEquals(List.of("run"), siblings());
        try (OutputDirectory again = OutputDirectory.open(out, NAMES)) {
            assertTrue(Files.isDirectory(again.folder()), "the lock is released with its run");
        }
    }

    @Test
    void aLinkedFolderIsWrittenThroughAndADanglingLinkIsRefusedFirst() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        writeSet(link, "old");
        writeSet(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("a new", Files.readString(real.resolve("a.csv")));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        String message = assertThrows(OutputDirectory.Refused.class, () -> OutputDirectory.open(dangling, NAMES)).getMessage();
        assertTrue(message.contains("is a link to " + dir.resolve("nowhere") + ", which does not exist"), message);
    }

    @Test
    void aPrivateFoldersStagingIsPrivateFromTheStart() throws Exception {
        Path out = dir.resolve("run");
        writeSet(out, "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
        try (OutputDirectory o = OutputDirectory.open(out, NAMES)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(o.folder())));
            o.commit();
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aSingleFileIsWrittenThroughALinkAndNeverOverAPipe() throws Exception {
        Path real = Files.writeString(dir.resolve("settings.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        AtomicFiles.write(link, w -> w.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String message = assertThrows(OutputDirectory.Refused.class, () -> AtomicFiles.write(fifo, w -> w.write("x"))).getMessage();
        assertTrue(message.contains("device, pipe or socket"), message);
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "the pipe is still a pipe");
        Path input = Files.writeString(dir.resolve("x.csv"), "1,2\n");
        assertTrue(assertThrows(OutputDirectory.Refused.class, () -> AtomicFiles.requireNewOrRegular(link, real)).getMessage()
                .contains("is the input"));
        AtomicFiles.requireNewOrRegular(dir.resolve("new.csv"), input);
    }
}
