package io.ntkstudio.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Window tests' two moves: run on the FX thread and wait for its answer, and wait until a condition read there holds. */
final class FxWait {
    private FxWait() {
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    static void fx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    static void waitFor(String what, Callable<Boolean> condition) {
        waitFor(what, 30, condition);
    }

    static void waitFor(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Lets the layout and CSS passes the last change asked for run. */
    static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(250);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
