package io.ntkstudio.ui;

import java.nio.IntBuffer;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The picture a view shows, one image kept for as long as its size: each new render is copied
 * into its pixel buffer on the FX thread. A new image per render made the renderer allocate a
 * texture the size of the view every frame (a quarter of all allocation while training, and the
 * garbage collections that paused the frames); the same image keeps its texture, which is only
 * updated. FX thread only.
 */
final class ShownPicture {
    private int[] pixels;
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private int width;
    private int height;

    /** Copies {@code source} (width × height, premultiplied ARGB) into the picture, returned. */
    Image show(int[] source, int w, int h) {
        if (image == null || w != width || h != height) {
            pixels = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
            width = w;
            height = h;
        }
        buffer.updateBuffer(b -> {
            System.arraycopy(source, 0, pixels, 0, w * h);
            return null;
        });
        return image;
    }
}
