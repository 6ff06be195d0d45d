package io.ntkstudio.ui;

import io.ntkstudio.figure.ChartInputs;
import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.PaintedLayout;
import io.ntkstudio.figure.Surface;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Paints views off the FX thread. A view asks for a render with immutable inputs captured on
 * the FX thread; one worker paints the newest request per view with Java2D; each frame the FX
 * thread installs the finished pixels, which costs one copy per view ({@link ShownPicture}). On
 * two cores, rasterising four charts inside the FX pulse while a network trains made frames
 * overrun. The pixel arrays go back to a pool once installed, so that painting allocates no
 * picture-sized arrays while a run plays.
 */
final class ChartRenderer {
    /** Spare arrays kept per size: enough for every view's next render. */
    private static final int SPARE_PER_SIZE = 3;
    private static final DirectColorModel ARGB_PRE = new DirectColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), 32,
            0xFF0000, 0xFF00, 0xFF, 0xFF000000, true, DataBuffer.TYPE_INT);

    /** A finished render: the pixels (premultiplied ARGB) and whatever the painter reports (e.g. heatmap layout). */
    record Rendered(int[] pixels, int width, int height, PaintedLayout layout, long step) {
        /** The pixels as an image of their own, for a picture that is not the view's live one. */
        WritableImage toImage() {
            return new WritableImage(new PixelBuffer<>(width, height, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance()));
        }
    }

    private record Request(ChartInputs inputs, int width, int height, double zoom, ChartTheme theme) {
    }

    private final Map<PlotView, Request> pending = new LinkedHashMap<>();
    private final Map<PlotView, Rendered> done = new ConcurrentHashMap<>();
    private final Map<Integer, ConcurrentLinkedQueue<int[]>> spare = new ConcurrentHashMap<>();
    private final Thread worker;
    private volatile boolean stopped;
    private final AnimationTimer installer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (PlotView v : done.keySet()) {
                Rendered r = done.remove(v);
                if (r != null) {
                    v.install(r);
                    recycle(r.pixels());
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
                // an opaque background overwrites every pixel: a spare array need not be cleared first
                int[] pixels = take(req.width() * req.height(), !req.theme().opaque());
                Rendered previous = done.put(view, paint(view, req, pixels));
                if (previous != null) {
                    recycle(previous.pixels());
                }
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
        return paint(view, new Request(inputs, width, height, zoom, theme), new int[width * height]);
    }

    /**
     * A premultiplied-ARGB image over {@code pixels} (w × h): what {@code new BufferedImage(w, h,
     * TYPE_INT_ARGB_PRE)} would be, without allocating its array.
     */
    static BufferedImage premultiplied(int[] pixels, int w, int h) {
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(pixels, w * h), w, h, w,
                new int[] {0xFF0000, 0xFF00, 0xFF, 0xFF000000}, null);
        return new BufferedImage(ARGB_PRE, raster, true, null);
    }

    /** A spare array of {@code length} pixels ({@code cleared} to zero if asked), or a new one. */
    private int[] take(int length, boolean cleared) {
        ConcurrentLinkedQueue<int[]> q = spare.get(length);
        int[] a = q == null ? null : q.poll();
        if (a == null) {
            return new int[length];
        }
        if (cleared) {
            Arrays.fill(a, 0);
        }
        return a;
    }

    private void recycle(int[] pixels) {
        ConcurrentLinkedQueue<int[]> q = spare.computeIfAbsent(pixels.length, k -> new ConcurrentLinkedQueue<>());
        if (q.size() < SPARE_PER_SIZE) {
            q.offer(pixels);
        }
    }

    /** Paints into {@code pixels} (width × height) through a Java2D image over the same array. */
    private static Rendered paint(PlotView view, Request req, int[] pixels) {
        BufferedImage img = premultiplied(pixels, req.width(), req.height());
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
        return new Rendered(pixels, req.width(), req.height(), layout, req.inputs() == null ? -1 : req.inputs().snapshot().step());
    }
}
