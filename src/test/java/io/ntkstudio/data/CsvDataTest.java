package io.ntkstudio.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ntkstudio.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {
    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreAccepted() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(f, "\uFEFF0.5,1e-3\r\n-2,+3\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var rows = CsvData.readRows(f);
        assertArrayEquals(new double[] {0.5, 1e-3}, rows.get(0));
        assertArrayEquals(new double[] {-2, 3}, rows.get(1));
    }

    @Test
    void cellsThatJavaWouldParseButAreNotPlainNumbersAreRefused() throws Exception {
        for (String cell : new String[] {"1.5f", "2d", "0x1p3", "NaN", "Infinity", "1e400", "1\0", "1_000", "", "."}) {
            Path f = dir.resolve("c.csv");
            Files.writeString(f, "0," + cell + "\n");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvData.readRows(f), cell);
            assertTrue(e.getMessage().contains("line 1 column 2") && !e.getMessage().contains("\0"), e.getMessage());
        }
    }

    @Test
    void devicesFoldersAndNonUtf8AreRefusedWithTheirPath() throws Exception {
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvData.readRows(Path.of("/dev/zero"))).getMessage()
                .startsWith("/dev/zero: is not a regular file"));
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvData.readRows(dir)).getMessage().contains("is a folder"));
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, new byte[] {'1', ',', (byte) 0xE9, '\n'});
        assertTrue(assertThrows(InvalidInputException.class, () -> CsvData.readRows(latin)).getMessage().contains("UTF-8"));
    }
}
