package io.ntkstudio.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;

/**
 * A tally of what legends and direct labels cover: set one on a Graphics2D (as a rendering
 * hint, like the theme) before painting, and every legend placed on it reports how many data
 * cells ({@value Chart#CELL}-pixel squares where a series was drawn) lie under it. Tests use it to
 * hold every chart to "a legend never covers data".
 */
public final class LegendAudit {
    /** The rendering-hint key under which an audit rides along with a Graphics2D. */
    public static final RenderingHints.Key KEY = new RenderingHints.Key(0x4C4547) {
        @Override
        public boolean isCompatibleValue(Object val) {
            return val instanceof LegendAudit;
        }
    };

    private int placed;
    private int directLabelled;
    private final List<String> covering = new ArrayList<>();
    private final List<String> unnamed = new ArrayList<>();

    /** Starts auditing what is painted on {@code g}. */
    public static LegendAudit on(Graphics2D g) {
        LegendAudit audit = new LegendAudit();
        g.setRenderingHint(KEY, audit);
        return audit;
    }

    static void report(Graphics2D g, String chart, int cells, String how) {
        if (g.getRenderingHint(KEY) instanceof LegendAudit audit) {
            audit.placed++;
            if (how.equals("direct labels")) {
                audit.directLabelled++;
            }
            if (cells > 0) {
                audit.covering.add((chart == null ? "untitled chart" : chart) + ": " + how + " over " + cells + " data cells");
            }
        }
    }

    /** Direct labels that found no line end for some entries: those lines went unnamed. */
    static void reportUnnamed(Graphics2D g, String chart, int missing, int entries) {
        if (missing > 0 && g.getRenderingHint(KEY) instanceof LegendAudit audit) {
            audit.unnamed.add((chart == null ? "untitled chart" : chart) + ": " + missing + " of " + entries + " entries unnamed");
        }
    }

    /** One line per set of direct labels that left entries unnamed. */
    public List<String> unnamed() {
        return List.copyOf(unnamed);
    }

    /** How many legends (boxes or sets of direct labels) were placed. */
    public int placed() {
        return placed;
    }

    /** How many of them were names written at the lines' ends rather than a legend box (a chart with no room for a box). */
    public int directLabelled() {
        return directLabelled;
    }

    /** One line per legend that covers data: the chart's title, the kind of legend and how much. */
    public List<String> covering() {
        return List.copyOf(covering);
    }
}
