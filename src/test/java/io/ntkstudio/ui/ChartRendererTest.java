package io.ntkstudio.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.figure.Surface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
    /** Antialiased shapes, translucent colour and text: what a chart draws. */
    private static void draw(Graphics2D g) {
        Surface.begin(g, 300, 200, ChartTheme.DARK);
        g.setColor(new Color(31, 119, 180, 110));
        g.setStroke(new BasicStroke(2.2f));
        g.draw(new Ellipse2D.Double(20, 30, 200, 120));
        g.setColor(Color.ORANGE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString("Θ_t, network 1", 40, 100);
        g.dispose();
    }

    @Test
    void anImageOverAReusedArrayPaintsExactlyAsANewImage() {
        BufferedImage fresh = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB_PRE);
        draw(fresh.createGraphics());
        int[] reused = new int[300 * 200];
        Arrays.fill(reused, 0x7F123456); // what a previous picture left: an opaque background covers it
        BufferedImage over = ChartRenderer.premultiplied(reused, 300, 200);
        assertEquals(BufferedImage.TYPE_INT_ARGB_PRE, over.getType(), "the same pixel format, so the same Java2D loops");
        draw(over.createGraphics());
        assertArrayEquals(((DataBufferInt) fresh.getRaster().getDataBuffer()).getData(), reused, "the same pixels");
    }
}
