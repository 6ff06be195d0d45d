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

    private List<String> siblings() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
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
}
