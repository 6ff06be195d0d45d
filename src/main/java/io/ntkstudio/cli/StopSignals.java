package io.ntkstudio.cli;

import sun.misc.Signal;

/**
 * Ctrl+C (SIGINT) and SIGTERM during a command: the first asks the run to stop after the step in
 * progress, so that what was computed is written as a complete set marked "interrupted", and the
 * process then exits 130 or 143; a second one ends the process at once (a staging folder it
 * leaves is cleaned up by the next run). Installed only by {@link Main#main}, never in tests
 * that call {@link Main#run}.
 */
final class StopSignals {
    private static volatile int received;

    private StopSignals() {
    }

    static void install() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (received != 0) {
                        Runtime.getRuntime().halt(128 + s.getNumber());
                    }
                    received = s.getNumber();
                });
            } catch (IllegalArgumentException e) {
                // A platform without this signal (or one the JVM reserves): its default stays.
            }
        }
    }

    /** True once a stop was asked for. */
    static boolean requested() {
        return received != 0;
    }

    /** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), or 0 when none came. */
    static int exitStatus() {
        return received == 0 ? 0 : 128 + received;
    }

    /** For tests in this package: behaves as if signal {@code number} had arrived (0 clears). */
    static void simulate(int number) {
        received = number;
    }
}
