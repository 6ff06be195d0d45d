package io.ntkstudio.ui;

import io.ntkstudio.engine.ExperimentJson;
import io.ntkstudio.engine.ExperimentSpec;
import io.ntkstudio.figure.FigureSet;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;

/**
 * The real studio window on a JavaFX toolkit started from a plain {@code main}: headless through
 * Monocle where there is no display. Used by {@code bench-ui}, figures and screenshots.
 */
public final class HeadlessStudio implements AutoCloseable {
    private static boolean started;
    private final Stage stage;
    private final StudioModel model;
    private final StudioWindow window;

    private HeadlessStudio(Stage stage, StudioModel model, StudioWindow window) {
        this.stage = stage;
        this.model = model;
        this.window = window;
    }

    /**
     * Starts the toolkit once per JVM: headless (a virtual screen of the given size) unless a
     * display exists and {@code forceHeadless} is false.
     */
    public static synchronized void startToolkit(boolean forceHeadless, int screenWidth, int screenHeight)
            throws InterruptedException {
        if (started) {
            return;
        }
        Headless.quietJavaFxLogging();
        if (forceHeadless || !Headless.hasDisplay()) {
            Headless.useMonocle(screenWidth, screenHeight);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        ready.await();
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Opens the window at the given size with the given experiment and starts the engine. */
    public static HeadlessStudio open(ExperimentSpec spec, Path baseDir, double width, double height) throws Exception {
        return onFx(() -> {
            StudioModel model = new StudioModel(spec, baseDir);
            StudioWindow window = new StudioWindow(model);
            Stage stage = new Stage();
            stage.setScene(new Scene(window, width, height));
            stage.show();
            model.start();
            return new HeadlessStudio(stage, model, window);
        });
    }

    public StudioModel model() {
        return model;
    }

    public StudioWindow window() {
        return window;
    }

    /** Waits until the views show the newest snapshot (nothing left to paint or install). */
    public void awaitViews() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            quiet = onFx(() -> model.renderer().idle()) ? quiet + 1 : 0;
        }
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    public static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** Writes a PNG of a node at {@code scale} × its size (sharp text at 2×). */
    public static void writePng(Node node, double scale, Path out) throws Exception {
        WritableImage img = onFx(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(new Scale(scale, scale));
            return node.snapshot(p, null);
        });
        FigureSet.writePng(SwingFXUtils.fromFXImage(img, null), out);
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            model.shutdown();
            stage.close();
            return null;
        });
    }

    /** Renders the window: {@code out.png width height seconds [scale]}, training meanwhile. */
    public static void main(String[] args) throws Exception {
        startToolkit(true, (int) Double.parseDouble(args[1]) + 8, (int) Double.parseDouble(args[2]) + 8);
        ExperimentSpec spec = args.length > 5 ? ExperimentJson.read(Path.of(args[5])) : ExperimentSpec.defaults();
        try (HeadlessStudio studio = open(spec, Path.of("."), Double.parseDouble(args[1]), Double.parseDouble(args[2]))) {
            onFx(() -> {
                studio.model().play();
                return null;
            });
            Thread.sleep((long) (Double.parseDouble(args[3]) * 1000));
            onFx(() -> {
                studio.model().pause();
                return null;
            });
            Thread.sleep(300);
            studio.awaitViews();
            writePng(studio.window(), args.length > 4 ? Double.parseDouble(args[4]) : 1, Path.of(args[0]));
        }
        Platform.exit();
    }
}
