package io.ntkstudio.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathTextTest {
    @Test
    void subscriptsAndSuperscriptsAreParsedAsThePapersWriteThem() {
        assertEquals(List.of(new MathText.Run("Θ", 0), new MathText.Run("t", -1)), MathText.runs("Θ_t"));
        assertEquals(List.of(new MathText.Run("2n/λ", 0), new MathText.Run("max", -1)), MathText.runs("2n/λ_max"));
        assertEquals(List.of(new MathText.Run("10", 0), new MathText.Run("−4", 1)), MathText.runs("10^{-4}"));
        assertEquals(List.of(new MathText.Run("α", 0), new MathText.Run("−1", 1)), MathText.runs("α^(−1)"));
        assertEquals(List.of(new MathText.Run("‖Θ", 0), new MathText.Run("t", -1), new MathText.Run(" − Θ", 0),
                new MathText.Run("0", -1), new MathText.Run("‖", 0)), MathText.runs("‖Θ_t − Θ_0‖"));
        assertEquals(List.of(new MathText.Run("a_ b", 0)), MathText.runs("a_ b"), "a lone marker stays as it is");
        assertEquals(List.of(new MathText.Run("(v", 0), new MathText.Run("i", -1), new MathText.Run("ᵀ r)²", 0)),
                MathText.runs("(v_iᵀ r)²"), "a modifier letter (ᵀ) ends the subscript");
    }

    @Test
    void scriptsTakeLessRoomThanTheSameTextWrittenPlainly() {
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double typeset = MathText.width(g, "λ_max");
        double plain = g.getFontMetrics().stringWidth("λmax");
        assertTrue(typeset < plain && typeset > 0.5 * plain, typeset + " against " + plain);
        assertEquals(g.getFontMetrics().stringWidth("plain"), MathText.width(g, "plain"), 0.0);
        g.dispose();
    }
}
