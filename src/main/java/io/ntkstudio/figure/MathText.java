package io.ntkstudio.figure;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Chart text with real subscripts and superscripts, written as in the code and the papers:
 * {@code Θ_t}, {@code λ_max}, {@code Θ_{init}} (subscript), {@code 10^{-4}}, {@code α^(−1)},
 * {@code x^2} (superscript; a group in parentheses loses them). Scripts are drawn at 70 % of the
 * size, a quarter of the size below or 0.38 of it above the baseline; text without '_' or '^' is
 * drawn as it is.
 */
public final class MathText {
    private MathText() {
    }

    /** A run of text and its script: 0 normal, −1 subscript, +1 superscript. */
    public record Run(String text, int script) {
    }

    static boolean plain(String s) {
        return s.indexOf('_') < 0 && s.indexOf('^') < 0;
    }

    /** Splits {@code s} into runs by the markers (also used by the window's text, ui.MathFlow). */
    public static List<Run> runs(String s) {
        List<Run> out = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((c == '_' || c == '^') && i + 1 < s.length()) {
                int end;
                String group;
                char open = s.charAt(i + 1);
                if (open == '{' || open == '(') {
                    char close = open == '{' ? '}' : ')';
                    end = s.indexOf(close, i + 2);
                    if (end < 0) {
                        normal.append(c);
                        i++;
                        continue;
                    }
                    group = s.substring(i + 2, end);
                    end++;
                } else {
                    end = i + 1;
                    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) && Character.getType(s.charAt(end)) != Character.MODIFIER_LETTER || s.charAt(end) == '∞'
                            || c == '^' && (s.charAt(end) == '−' || s.charAt(end) == '-') && end == i + 1)) {
                        end++;
                    }
                    group = s.substring(i + 1, end);
                }
                if (group.isEmpty()) {
                    normal.append(c);
                    i++;
                    continue;
                }
                if (normal.length() > 0) {
                    out.add(new Run(normal.toString(), 0));
                    normal.setLength(0);
                }
                out.add(new Run(group.replace('-', '−'), c == '_' ? -1 : 1));
                i = end;
            } else {
                normal.append(c);
                i++;
            }
        }
        if (normal.length() > 0) {
            out.add(new Run(normal.toString(), 0));
        }
        return out;
    }

    /** The font of a run: scripts at 70 % of the size. */
    private static Font fontOf(Font base, Run r) {
        return r.script() == 0 ? base : base.deriveFont(base.getSize2D() * 0.7f);
    }

    /** How far a run's baseline sits below (+) or above (−) the text's. */
    private static float shift(Font base, Run r) {
        return r.script() < 0 ? 0.25f * base.getSize2D() : r.script() > 0 ? -0.38f * base.getSize2D() : 0f;
    }

    /** The width of {@code s} in the current font. */
    public static double width(Graphics2D g, String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (plain(s)) {
            return g.getFontMetrics().stringWidth(s);
        }
        Font base = g.getFont();
        double w = 0;
        for (Run r : runs(s)) {
            w += g.getFontMetrics(fontOf(base, r)).stringWidth(r.text());
        }
        return w;
    }

    /** Draws {@code s} with its baseline at (x, y). */
    public static void draw(Graphics2D g, String s, float x, float y) {
        if (s.isEmpty()) {
            return;
        }
        if (plain(s)) {
            g.drawString(s, x, y);
            return;
        }
        Font base = g.getFont();
        float at = x;
        for (Run r : runs(s)) {
            Font f = fontOf(base, r);
            g.setFont(f);
            g.drawString(r.text(), at, y + shift(base, r));
            at += g.getFontMetrics(f).stringWidth(r.text());
        }
        g.setFont(base);
    }
}
