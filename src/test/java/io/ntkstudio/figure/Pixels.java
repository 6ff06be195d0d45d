package io.ntkstudio.figure;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** What the figure tests read off a picture: where a colour was painted exactly. */
final class Pixels {
    private Pixels() {
    }

    private static boolean is(BufferedImage img, int x, int y, Color c) {
        return (img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF);
    }

    /** How many pixels are exactly {@code c}. */
    static int count(BufferedImage img, Color c) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                count += is(img, x, y, c) ? 1 : 0;
            }
        }
        return count;
    }

    /** The rows holding a pixel of {@code c} left of {@code xMax}: how tall a curve drawn in it is. */
    static int rows(BufferedImage img, Color c, int xMax) {
        int rows = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < xMax; x++) {
                if (is(img, x, y, c)) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    static int rows(BufferedImage img, Color c) {
        return rows(img, c, img.getWidth());
    }
}
