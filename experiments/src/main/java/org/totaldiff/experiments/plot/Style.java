package org.totaldiff.experiments.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/** The common look of all figures: colours, font size, rendering quality. */
final class Style {

    /** Text. */
    static final Color INK = new Color(0x222222);
    /** Frames and tick marks. */
    static final Color FRAME = new Color(0x555555);
    /** Major grid lines. */
    static final Color GRID = new Color(0xe3e3e3);
    /** Minor grid lines (log axes). */
    static final Color MINOR_GRID = new Color(0xf3f3f3);

    /** Line colours: Tableau 10, well distinguished in print. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private Style() {
    }

    /** Base font size in points for a figure {@code height} pixels high. */
    static int fontSize(int height) {
        return Math.max(11, Math.min(18, Math.round(height / 34f)));
    }

    /** Anti-aliased shapes and text, exact stroke placement. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
