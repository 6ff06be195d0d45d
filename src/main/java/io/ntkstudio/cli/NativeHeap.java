package io.ntkstudio.cli;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * Gives back to the operating system the native memory the JVM has freed but the C library keeps:
 * the diagnostic command {@code System.trim_native_heap} (JDK 17.0.9 and later), through the
 * platform MBean server. A long run needs it once the JIT compiler has compiled its loop: the
 * compiler's working memory (about 20 MB) is freed but stays resident, which is most of what a
 * million-step {@code train} held above a ten-thousand-step one. Does nothing where the command
 * or the management module is missing.
 */
final class NativeHeap {
    static volatile boolean unavailable;

    private NativeHeap() {
    }

    static void trim() {
        if (unavailable) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", new Object[] {null}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            unavailable = true;
        }
    }
}
