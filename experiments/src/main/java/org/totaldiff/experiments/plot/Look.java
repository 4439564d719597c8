package org.totaldiff.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The common look of all figures, as a JFreeChart {@link StandardChartTheme} plus the few
 * settings a theme does not cover: white background, a dark frame, light solid grid lines,
 * ticks outside the frame, SansSerif text sized to the figure, Tableau colours for lines.
 */
final class Look {

    /** Text. */
    static final Color INK = new Color(0x222222);
    /** Frames, axis lines and tick marks. */
    static final Color FRAME = new Color(0x555555);
    /** Major grid lines. */
    static final Color GRID = new Color(0xdedede);
    /** Minor grid lines (log axes). */
    static final Color MINOR_GRID = new Color(0xf0f0f0);
    /** Line colours: Tableau 10, well distinguished in print. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private static final Stroke GRID_STROKE = new BasicStroke(1f);
    /** Length of the major tick marks, outside the frame. */
    private static final float TICK = 5f;

    /** Base font size in points: the size of axis titles. */
    final int fontSize;
    /** Figure titles. */
    final Font title;
    /** Axis titles and panel titles. */
    final Font label;
    /** Tick labels and legend entries. */
    final Font tick;

    private Look(int fontSize) {
        this.fontSize = fontSize;
        this.title = new Font(Font.SANS_SERIF, Font.BOLD, fontSize + 2);
        this.label = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
        this.tick = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize - 2);
    }

    /** The look of a figure (or of one panel of it) {@code height} pixels high. */
    static Look forHeight(int height) {
        return new Look(Math.max(11, Math.min(18, Math.round(height / 32f))));
    }

    /** Applies the theme to {@code chart} and styles its XY plot. */
    void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("totaldiff");
        theme.setExtraLargeFont(title);
        theme.setLargeFont(label);
        theme.setRegularFont(tick);
        theme.setSmallFont(tick);
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(INK);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(FRAME);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE, PALETTE,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (chart.getPlot() instanceof XYPlot plot) {
            plot(plot);
            if (plot instanceof CombinedDomainXYPlot combined) {
                combined.getSubplots().forEach(this::plot);
            }
        }
    }

    /** Frame, grid lines and axes of an XY plot (the domain axis of a combined plot's subplot is its parent's). */
    private void plot(XYPlot plot) {
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        plot.setOutlinePaint(FRAME);
        plot.setOutlineStroke(new BasicStroke(1f));
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setDomainMinorGridlinePaint(MINOR_GRID);
        plot.setRangeMinorGridlinePaint(MINOR_GRID);
        plot.setDomainMinorGridlineStroke(GRID_STROKE);
        plot.setRangeMinorGridlineStroke(GRID_STROKE);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            if (plot.getDomainAxis(i) != null) {
                axis(plot.getDomainAxis(i), false);
            }
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            if (plot.getRangeAxis(i) != null) {
                axis(plot.getRangeAxis(i), true);
            }
        }
    }

    /**
     * Axis line and tick marks in the frame colour, ticks pointing outwards. JFreeChart picks
     * the smallest round tick step whose labels, padded by the tick label insets along the
     * axis, do not overlap: a padding of most of a font size keeps that to about 5-10 ticks.
     * Across the axis the insets only move the labels clear of the tick marks.
     */
    void axis(ValueAxis axis, boolean vertical) {
        axis.setLabelFont(label);
        axis.setTickLabelFont(tick);
        axis.setLabelPaint(INK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(FRAME);
        axis.setTickMarkPaint(FRAME);
        axis.setTickMarkOutsideLength(TICK);
        axis.setMinorTickMarkOutsideLength(TICK - 2);
        double along = 0.7 * fontSize;
        double across = TICK + 2;
        axis.setTickLabelInsets(vertical ? new RectangleInsets(along, across, along, across)
                : new RectangleInsets(across, along, across, along));
        axis.setLabelInsets(new RectangleInsets(4, 4, 4, 4));
    }

    /** {@code chart} drawn on a white image of the given size. */
    static BufferedImage image(JFreeChart chart, int width, int height) {
        BufferedImage image = blank(width, height);
        Graphics2D g = graphics(image);
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A white image of the given size. */
    static BufferedImage blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A graphics context on {@code image} with anti-aliased text and shapes. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** Paint {@code k} of the line palette. */
    static Paint line(int k) {
        return PALETTE[k % PALETTE.length];
    }
}
