package io.ntkstudio.cli;

import io.ntkstudio.linalg.NativeCalls;
import sun.misc.Signal;

/**
 * Ctrl+C (SIGINT), SIGTERM and SIGHUP (a closed terminal) during a command: the first asks the
 * run to stop after the step in progress, so that what was computed is written as a complete set
 * marked "interrupted", and the process then exits 130, 143 or 129; a second one ends the process
 * at once (a staging folder it leaves is cleaned up by the next run). During set-up (see
 * {@link #duringSetUp}), when nothing is computed yet that a set could hold and a long
 * eigendecomposition cannot be interrupted, the first one ends the process at once, the old set
 * untouched. Installed only by {@link Main#main}, never in tests that call {@link Main#run}.
 */
final class StopSignals {
    private static volatile int received;
    private static volatile Runnable atOnce;
    private static volatile String settingUp;

    private StopSignals() {
    }

    static void install() {
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    Runnable cleanup = atOnce;
                    if (cleanup != null) {
                        try {
                            cleanup.run();
                        } finally {
                            System.err.println(settingUp + ": stopped during set-up; nothing was written, and --out is as it was");
                            halt(128 + s.getNumber());
                        }
                    }
                    if (received != 0) {
                        halt(128 + s.getNumber());
                    }
                    received = s.getNumber();
                });
            } catch (IllegalArgumentException e) {
                // A platform without this signal (or one the JVM reserves): its default stays.
            }
        }
    }

    /** Ends the process once the BLAS call in flight, if any, has returned (at most 5 s on). */
    private static void halt(int status) {
        NativeCalls.closeForExit(5000);
        Runtime.getRuntime().halt(status);
    }

    /**
     * Until {@link #settled()}, a stop runs {@code cleanup} (deleting what {@code command} staged)
     * and ends the process at once: nothing a set could hold has been computed yet.
     */
    static void duringSetUp(String command, Runnable cleanup) {
        settingUp = command;
        atOnce = cleanup;
    }

    /** Set-up is over: a stop now asks the run to stop after its step. */
    static void settled() {
        atOnce = null;
    }

    /** True once a stop was asked for. */
    static boolean requested() {
        return received != 0;
    }

    /** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP), or 0 when none came. */
    static int exitStatus() {
        return received == 0 ? 0 : 128 + received;
    }

    /** For tests in this package: behaves as if signal {@code number} had arrived (0 clears). */
    static void simulate(int number) {
        received = number;
    }
}
