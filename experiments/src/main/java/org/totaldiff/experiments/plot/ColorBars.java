package org.totaldiff.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Colour bars ({@link PaintScaleLegend}s right of the plot) and the layout that makes them
 * look like matplotlib's: each bar exactly as tall as its plot's data area, and charts drawn
 * side by side with data areas of one width, one left edge and one top.
 */
final class ColorBars {

    /** Gap between the data area and its colour bar, in pixels. */
    private static final double GAP = 12;

    private ColorBars() {
    }

    /** A colour bar for {@code scale} with round-number ticks, to add to a chart as a subtitle. */
    static PaintScaleLegend legend(ColorScale scale, String label, Look look) {
        NumberAxis axis = new NumberAxis(label == null || label.isEmpty() ? null : label);
        axis.setStandardTickUnits(new NumberTickUnitSource());
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        look.axis(axis, true);
        if (axis.getLabel() != null && axis.getLabel().length() <= 2) {
            // a symbol such as λ reads better upright than turned like a long title
            axis.setLabelAngle(-Math.PI / 2);
        }
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setAxisOffset(0);
        bar.setStripWidth(Math.max(10, look.fontSize));
        bar.setStripOutlineVisible(true);
        bar.setStripOutlinePaint(Look.FRAME);
        bar.setStripOutlineStroke(new BasicStroke(1f));
        bar.setSubdivisionCount(256);
        bar.setMargin(new RectangleInsets(0, GAP, 0, 0));
        bar.setPadding(RectangleInsets.ZERO_INSETS);
        return bar;
    }

    /**
     * Lays out {@code charts}, to be drawn in {@code areas}: a first, throw-away drawing measures
     * where JFreeChart put each data area; then every plot reserves the widest left axis space,
     * every colour bar is widened on its right to the widest bar (so data areas are equally wide)
     * and given top and bottom margins that make it span its data area exactly.
     */
    static void align(List<JFreeChart> charts, List<Rectangle2D> areas) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Look.graphics(scratch);
        try {
            List<Rectangle2D> data = new ArrayList<>();
            List<Rectangle2D> plots = new ArrayList<>();
            double left = 0;
            double barWidth = 0;
            for (int k = 0; k < charts.size(); k++) {
                ChartRenderingInfo info = new ChartRenderingInfo();
                JFreeChart chart = charts.get(k);
                Rectangle2D area = areas.get(k);
                chart.draw(g, area, info);
                Rectangle2D d = info.getPlotInfo().getDataArea();
                Rectangle2D p = info.getPlotInfo().getPlotArea();
                data.add(d);
                plots.add(p);
                XYPlot plot = (XYPlot) chart.getPlot();
                left = Math.max(left, d.getMinX() - p.getMinX() - plot.getInsets().getLeft());
                barWidth = Math.max(barWidth, area.getMaxX() - chart.getPadding().getRight() - p.getMaxX());
            }
            for (int k = 0; k < charts.size(); k++) {
                JFreeChart chart = charts.get(k);
                Rectangle2D area = areas.get(k);
                Rectangle2D d = data.get(k);
                Rectangle2D p = plots.get(k);
                AxisSpace space = new AxisSpace();
                space.setLeft(left);
                ((XYPlot) chart.getPlot()).setFixedRangeAxisSpace(space, false);
                double width = area.getMaxX() - chart.getPadding().getRight() - p.getMaxX();
                for (int i = 0; i < chart.getSubtitleCount(); i++) {
                    Title t = chart.getSubtitle(i);
                    if (t instanceof PaintScaleLegend bar) {
                        RectangleInsets m = bar.getMargin();
                        bar.setMargin(new RectangleInsets(d.getMinY() - p.getMinY(), m.getLeft(),
                                p.getMaxY() - d.getMaxY(), m.getRight() + barWidth - width));
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }
}
