package org.totaldiff.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A {@link LineChart} as a JFreeChart {@link XYPlot}: one {@link XYSeries} per series holding
 * the points the axes can show (finite, and positive on a log axis; the line joins across the
 * others, so metrics evaluated every k-th iteration draw as one line), {@link Axes} for the
 * axes, a legend inside the plot in the corner that the lines cross least.
 */
final class LineCharts {

    private LineCharts() {
    }

    /** Renders a line chart. */
    static BufferedImage render(LineChart chart) {
        return Look.image(chart(chart), chart.width(), chart.height());
    }

    /** The chart, laid out by JFreeChart. */
    static JFreeChart chart(LineChart chart) {
        Look look = Look.forHeight(chart.height());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // colours and strokes are set per series below; the theme must not replace them
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean anyInLegend = false;
        for (int k = 0; k < chart.series().size(); k++) {
            Series s = chart.series().get(k);
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (Double.isFinite(x) && Double.isFinite(y) && (!chart.logX() || x > 0) && (!chart.logY() || y > 0)) {
                    xy.add(x, y, false);
                    xr[0] = Math.min(xr[0], x);
                    xr[1] = Math.max(xr[1], x);
                    yr[0] = Math.min(yr[0], y);
                    yr[1] = Math.max(yr[1], y);
                }
            }
            data.addSeries(xy);
            renderer.setSeriesPaint(k, Look.line(k));
            renderer.setSeriesStroke(k, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            // a lone point has no line to show it
            renderer.setSeriesShapesVisible(k, xy.getItemCount() == 1);
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            boolean inLegend = xy.getItemCount() > 0 && !s.name().isEmpty();
            renderer.setSeriesVisibleInLegend(k, inLegend);
            anyInLegend |= inLegend;
        }
        if (xr[0] > xr[1]) {
            throw new IllegalArgumentException("line chart '" + chart.title() + "': no point to draw"
                    + (chart.logX() || chart.logY() ? " (a log axis shows positive finite values only)" : ""));
        }
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        ValueAxis x = chart.logX() ? Axes.log(chart.xLabel(), xr[0], xr[1]) : Axes.linear(chart.xLabel(), xr[0], xr[1], 0);
        ValueAxis y = chart.logY() ? Axes.log(chart.yLabel(), yr[0], yr[1]) : Axes.linear(chart.yLabel(), yr[0], yr[1], 0.04);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainMinorGridlinesVisible(chart.logX() && x.isMinorTickMarksVisible());
        plot.setRangeMinorGridlinesVisible(chart.logY() && y.isMinorTickMarksVisible());
        JFreeChart jfc = new JFreeChart(chart.title().isEmpty() ? null : chart.title(), look.title, plot, false);
        look.apply(jfc);
        // room for half of the last x tick label right of the plot
        jfc.setPadding(new RectangleInsets(8, 8, 8, 8 + 2 * look.fontSize));
        if (anyInLegend) {
            LegendTitle legend = new LegendTitle(renderer);
            legend.setItemFont(look.tick);
            legend.setItemPaint(Look.INK);
            legend.setBackgroundPaint(new Color(255, 255, 255, 225));
            legend.setFrame(new BlockBorder(new RectangleInsets(1, 1, 1, 1), new Color(0xbbbbbb)));
            legend.setPadding(new RectangleInsets(4, 6, 4, 8));
            legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 2));
            legend.setPosition(RectangleEdge.RIGHT);
            Corner corner = emptiestCorner(data, x, y, legendBox(chart, look));
            // XYTitleAnnotation places "relative" coordinates linearly in the axis range, also on a log axis
            plot.addAnnotation(new XYTitleAnnotation(linearFraction(x, corner.x), linearFraction(y, corner.y), legend,
                    corner.anchor));
        }
        return jfc;
    }

    /** A corner of the plot for the legend: its position in the plot's unit square and the legend's anchor there. */
    private enum Corner {
        TOP_RIGHT(0.985, 0.98, RectangleAnchor.TOP_RIGHT),
        TOP_LEFT(0.015, 0.98, RectangleAnchor.TOP_LEFT),
        BOTTOM_LEFT(0.015, 0.02, RectangleAnchor.BOTTOM_LEFT),
        BOTTOM_RIGHT(0.985, 0.02, RectangleAnchor.BOTTOM_RIGHT);

        final double x;
        final double y;
        final RectangleAnchor anchor;

        Corner(double x, double y, RectangleAnchor anchor) {
            this.x = x;
            this.y = y;
            this.anchor = anchor;
        }
    }

    /** Rough size of the legend as a fraction of the plot's width and height. */
    private static double[] legendBox(LineChart chart, Look look) {
        int longest = 0;
        int items = 0;
        for (Series s : chart.series()) {
            longest = Math.max(longest, s.name().length());
            items++;
        }
        double w = (longest * 0.6 * look.tick.getSize() + 60) / (0.85 * chart.width());
        double h = (items * 1.5 * look.tick.getSize() + 14) / (0.75 * chart.height());
        return new double[] {Math.min(0.6, w), Math.min(0.9, h)};
    }

    /**
     * The corner whose legend-sized box the lines cross least (as matplotlib's {@code loc="best"}),
     * preferring top right, top left, bottom left, bottom right on a tie. Lines are sampled
     * along each segment, in the axes' own (log or linear) coordinates.
     */
    private static Corner emptiestCorner(XYSeriesCollection data, ValueAxis x, ValueAxis y, double[] box) {
        int[] hits = new int[Corner.values().length];
        for (int k = 0; k < data.getSeriesCount(); k++) {
            XYSeries s = data.getSeries(k);
            double px = Double.NaN;
            double py = Double.NaN;
            for (int i = 0; i < s.getItemCount(); i++) {
                double fx = fraction(x, s.getX(i).doubleValue());
                double fy = fraction(y, s.getY(i).doubleValue());
                int samples = i == 0 ? 1 : 8;
                for (int m = 1; m <= samples; m++) {
                    double a = i == 0 ? fx : px + (fx - px) * m / samples;
                    double b = i == 0 ? fy : py + (fy - py) * m / samples;
                    for (Corner c : Corner.values()) {
                        boolean inX = c.x > 0.5 ? a > 1 - box[0] : a < box[0];
                        boolean inY = c.y > 0.5 ? b > 1 - box[1] : b < box[1];
                        if (inX && inY) {
                            hits[c.ordinal()]++;
                        }
                    }
                }
                px = fx;
                py = fy;
            }
        }
        Corner best = Corner.TOP_RIGHT;
        for (Corner c : Corner.values()) {
            if (hits[c.ordinal()] < hits[best.ordinal()]) {
                best = c;
            }
        }
        return best;
    }

    /** The fraction of the axis range, linearly, at which {@code f} of the axis's length lies. */
    private static double linearFraction(ValueAxis axis, double f) {
        if (axis instanceof LogAxis) {
            double lo = Math.log10(axis.getLowerBound());
            double v = Math.pow(10, lo + f * (Math.log10(axis.getUpperBound()) - lo));
            return (v - axis.getLowerBound()) / (axis.getUpperBound() - axis.getLowerBound());
        }
        return f;
    }

    /** Where v falls along the axis, 0 at its lower bound and 1 at its upper bound. */
    private static double fraction(ValueAxis axis, double v) {
        if (axis instanceof LogAxis) {
            double lo = Math.log10(axis.getLowerBound());
            return (Math.log10(v) - lo) / (Math.log10(axis.getUpperBound()) - lo);
        }
        return (v - axis.getLowerBound()) / (axis.getUpperBound() - axis.getLowerBound());
    }
}
