package io.ntkstudio.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory so far (Linux's VmHWM, what {@code /usr/bin/time -f %M}
 * reports at exit), for commands that print it beside their memory estimate. −1 where
 * {@code /proc} is missing.
 */
final class PeakMemory {
    private PeakMemory() {
    }

    static long bytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
