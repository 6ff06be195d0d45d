package io.ntkstudio.cli;

import io.ntkstudio.figure.ChartTheme;
import io.ntkstudio.input.InvalidInputException;
import picocli.CommandLine.Option;

/** The picture options `render` and `sweep` share, each checked with a one-line refusal. */
final class FigureOptions {
    @Option(names = "--scale", paramLabel = "K", description = "pixel scale: 1, 2 or 3 for slides (default: ${DEFAULT-VALUE})")
    double scale = 2;

    @Option(names = "--size", paramLabel = "WxH",
            description = "the picture (dashboard.png, sweep.png) at exactly W × H pixels, e.g. 1920x1080 for a 16:9 slide "
                    + "or 1600x1200 for 4:3; --scale then sets the size of text and lines")
    String size;

    @Option(names = "--theme", paramLabel = "T", completionCandidates = EnumNames.Themes.class,
            description = "one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String theme = "light";

    double scale() {
        if (!(scale >= 1 && scale <= 4)) {
            throw new InvalidInputException("--scale must be from 1 to 4, got " + scale);
        }
        return scale;
    }

    ChartTheme theme() {
        try {
            return ChartTheme.parse(theme);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--theme: " + e.getMessage());
        }
    }

    /** {width, height} in pixels, or null when --size was not given. */
    int[] size() {
        return size == null ? null : RenderCommand.parseSize(size);
    }

    /**
     * The layout size, in the units the chart is drawn in, of a picture that is {@code width} ×
     * {@code height} at the default: --size divided by --scale when given.
     */
    double[] layout(double width, double height) {
        int[] px = size();
        return px == null ? new double[] {width, height} : new double[] {px[0] / scale(), px[1] / scale()};
    }
}
