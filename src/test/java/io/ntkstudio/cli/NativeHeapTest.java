package io.ntkstudio.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class NativeHeapTest {
    /** The diagnostic command is found and runs on the JDK the project builds with (17.0.9+). */
    @Test
    void theTrimCommandIsThereAndRuns() {
        NativeHeap.trim();
        assertFalse(NativeHeap.unavailable, "System.trim_native_heap through the DiagnosticCommand MBean");
    }
}
