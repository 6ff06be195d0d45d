package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.PaintedLayout;
import io.ntkstudio.figure.Surface;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.animation.AnimationTimer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Paints views off the FX thread. A view asks for a render with immutable inputs captured on
 * the FX thread; one worker paints the newest request per view with Java2D; each frame the FX
 * thread installs the finished images, which costs one blit per view. On two cores, rasterising
 * four charts inside the FX pulse while a network trains made frames overrun.
 */
final class ChartRenderer {
    /** A finished render: the pixels and whatever the painter reports (e.g. heatmap layout). */
    record Rendered(WritableImage image, PaintedLayout layout, long step) {
    }

    private record Request(ChartInputs inputs, int width, int height, double zoom, ChartTheme theme) {
    }

    private final Map<PlotView, Request> pending = new LinkedHashMap<>();
    private final Map<PlotView, Rendered> done = new ConcurrentHashMap<>();
    private final Thread worker;
    private volatile boolean stopped;
    private final AnimationTimer installer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (PlotView v : done.keySet()) {
                Rendered r = done.remove(v);
                if (r != null) {
                    v.install(r);
                }
            }
        }
    };

    ChartRenderer() {
        worker = new Thread(this::work, "ntk-charts");
        worker.setDaemon(true);
        worker.start();
        installer.start();
    }

    /** @param zoom text and line scale: the chart is laid out at (width, height)/zoom and scaled up */
    void request(PlotView view, ChartInputs inputs, int width, int height, double zoom, ChartTheme theme) {
        synchronized (pending) {
            pending.remove(view);
            pending.put(view, new Request(inputs, width, height, zoom, theme));
            pending.notifyAll();
        }
    }

    /** True when nothing is waiting to be painted or installed. */
    boolean idle() {
        synchronized (pending) {
            return pending.isEmpty() && done.isEmpty();
        }
    }

    void stop() {
        stopped = true;
        installer.stop();
        synchronized (pending) {
            pending.notifyAll();
        }
    }

    private void work() {
        while (!stopped) {
            PlotView view;
            Request req;
            synchronized (pending) {
                while (pending.isEmpty() && !stopped) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                view = pending.keySet().iterator().next();
                req = pending.remove(view);
            }
            try {
                done.put(view, paint(view, req));
            } catch (RuntimeException e) {
                // A chart that fails to paint must not stop the others; the view keeps its last image.
                System.err.println("NTK Studio: could not draw " + view.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    /**
     * Paints {@code view} now, on the calling thread, at {@code scale} × its picture size with its
     * text scaled alike: for exports, which must be sharp at 2× and 3× rather than enlarge the
     * picture on screen.
     */
    static Rendered paintNow(PlotView view, ChartInputs inputs, int width, int height, double zoom, ChartTheme theme) {
        return paint(view, new Request(inputs, width, height, zoom, theme));
    }

    private static Rendered paint(PlotView view, Request req) {
        BufferedImage img = new BufferedImage(req.width(), req.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        PaintedLayout layout;
        try {
            Surface.begin(g, req.width(), req.height(), req.theme());
            g.scale(req.zoom(), req.zoom());
            double w = req.width() / req.zoom();
            double h = req.height() / req.zoom();
            layout = req.inputs() == null ? null : view.paint(g, w, h, req.inputs());
            if (layout != null && req.zoom() != 1) {
                layout = layout.scaled(req.zoom());
            }
            if (req.inputs() == null) {
                Surface.message(g, w, h, "computing the network and its kernels…");
            }
        } finally {
            g.dispose();
        }
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(req.width(), req.height(), IntBuffer.wrap(data),
                PixelFormat.getIntArgbPreInstance());
        return new Rendered(new WritableImage(buffer), layout, req.inputs() == null ? -1 : req.inputs().snapshot().step());
    }
}
