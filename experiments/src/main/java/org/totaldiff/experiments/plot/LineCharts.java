package org.totaldiff.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A {@link LineChart} as a JFreeChart {@link XYPlot}: one {@link XYSeries} per series holding
 * the points the axes can show (finite, and positive on a log axis; the line joins across the
 * others, so metrics evaluated every k-th iteration draw as one line), {@link Axes} for the
 * axes, a legend inside the plot in the corner where it hides least line (below the plot if
 * every corner would hide much). A
 * {@link StackedLineChart} is one such plot per panel in a {@link CombinedDomainXYPlot}.
 *
 * <p>{@link Marker}s are dashed {@link ValueMarker}s across every panel; their labels are drawn
 * after the chart, as flags on the lines extended above the top frame, in a band that the
 * plot's top inset reserves for them, in as many rows as it takes for no label to overlap
 * another or cross another's line.
 */
final class LineCharts {

    /** Dashed vertical marker lines. */
    private static final Color MARKER = new Color(0x444444);
    private static final Stroke MARKER_STROKE = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);
    /** Gap between the frame and the lowest row of marker labels, and between labels in a row, in pixels. */
    private static final double LABEL_GAP = 6;
    /**
     * Most line a legend inside the plot may hide, as a length in the data area's unit square;
     * with more, a chart's legend goes below its plot.
     */
    private static final double INK_LIMIT = 0.04;
    /** Sampling step along a line, and the weight of a lone point, when measuring what a legend would hide. */
    private static final double INK_STEP = 0.004;
    private static final double POINT_INK = 0.01;
    /** Opacity of a {@link Series.Weight#THIN} line. */
    private static final int THIN_ALPHA = 110;

    private LineCharts() {
    }

    /** Renders a line chart. */
    static BufferedImage render(LineChart chart) {
        Look look = Look.forHeight(chart.height());
        XYSeriesCollection data = data(chart, "line chart '" + chart.title() + "'");
        ValueAxis x = xAxis(chart, List.of(data), chart.markers());
        Built built = plot(chart, data, x, chart.markers(), look, chart.width(), chart.height());
        built.plot.setDomainAxis(x);
        JFreeChart jfc = chart(chart.title(), built.plot, look);
        if (built.below != null) {
            jfc.addSubtitle(built.below);
        }
        return draw(jfc, x, chart.markers(), look, chart.width(), chart.height());
    }

    /** Renders line charts stacked on one x axis. */
    static BufferedImage render(StackedLineChart fig) {
        Look look = Look.forHeight(fig.height());
        List<XYSeriesCollection> data = new ArrayList<>();
        for (int k = 0; k < fig.panels().size(); k++) {
            data.add(data(fig.panels().get(k), "stacked chart '" + fig.title() + "', panel " + k));
        }
        LineChart bottom = fig.panels().get(fig.panels().size() - 1);
        List<Marker> markers = fig.markers();
        ValueAxis x = xAxis(bottom, data, markers);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
        combined.setGap(look.fontSize);
        double panelHeight = 0.85 * fig.height() / fig.panels().size();
        List<LegendTitle> below = new ArrayList<>();
        for (int k = 0; k < fig.panels().size(); k++) {
            Built built = plot(fig.panels().get(k), data.get(k), x, markers, look, fig.width(), panelHeight);
            combined.add(built.plot, 1);
            if (built.below != null) {
                below.add(built.below);
            }
        }
        JFreeChart jfc = chart(fig.title(), combined, look);
        // legends that would hide too much of their panel go below the figure, top panel's first
        for (LegendTitle legend : below) {
            jfc.addSubtitle(legend);
        }
        return draw(jfc, x, markers, look, fig.width(), fig.height());
    }

    /**
     * The points of each series that the axes can show.
     *
     * @throws IllegalArgumentException if there is none at all
     */
    private static XYSeriesCollection data(LineChart chart, String what) {
        XYSeriesCollection data = new XYSeriesCollection();
        int points = 0;
        for (int k = 0; k < chart.series().size(); k++) {
            Series s = chart.series().get(k);
            XYSeries xy = new XYSeries(new Key(k, s.name()), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (Double.isFinite(x) && Double.isFinite(y) && (!chart.logX() || x > 0) && (!chart.logY() || y > 0)) {
                    xy.add(x, y, false);
                    points++;
                }
            }
            data.addSeries(xy);
        }
        if (points == 0) {
            throw new IllegalArgumentException(what + ": no point to draw"
                    + (chart.logX() || chart.logY() ? " (a log axis shows positive finite values only)" : ""));
        }
        return data;
    }

    /**
     * The key of a series in its dataset: unique by position, though names left out of the
     * legend (empty) may repeat; the legend shows the name.
     */
    private record Key(int index, String name) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** [min, max] over the items of all series of {@code data}; x if {@code xs}, else y. */
    private static double[] range(List<XYSeriesCollection> data, boolean xs) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (XYSeriesCollection c : data) {
            for (int k = 0; k < c.getSeriesCount(); k++) {
                XYSeries s = c.getSeries(k);
                if (s.getItemCount() > 0) {
                    r[0] = Math.min(r[0], xs ? s.getMinX() : s.getMinY());
                    r[1] = Math.max(r[1], xs ? s.getMaxX() : s.getMaxY());
                }
            }
        }
        return r;
    }

    /** The x axis over the points of {@code data} and the markers it can show. */
    private static ValueAxis xAxis(LineChart chart, List<XYSeriesCollection> data, List<Marker> markers) {
        double[] r = range(data, true);
        for (Marker m : markers) {
            if (!chart.logX() || m.x() > 0) {
                r[0] = Math.min(r[0], m.x());
                r[1] = Math.max(r[1], m.x());
            }
        }
        return chart.logX() ? Axes.log(chart.xLabel(), r[0], r[1]) : Axes.linear(chart.xLabel(), r[0], r[1], 0);
    }

    /** A plot, and its legend if that goes below the plot (else null: it is inside, or there is none). */
    private record Built(XYPlot plot, LegendTitle below) {
    }

    /**
     * The plot of one chart or panel, without its domain axis (a panel's is its combined
     * plot's): lines, y axis, marker lines and the legend in the emptiest corner; if even that
     * corner would hide more than {@link #INK_LIMIT} of line, the legend goes below the chart
     * instead.
     *
     * @param width  the chart's width in pixels, to size the legend against
     * @param height the plot's height in pixels, to size the legend against
     */
    private static Built plot(LineChart chart, XYSeriesCollection data, ValueAxis x, List<Marker> markers, Look look,
                              double width, double height) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // colours and strokes are set per series below; the theme must not replace them
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setAutoPopulateSeriesStroke(false);
        boolean anyInLegend = false;
        for (int k = 0; k < chart.series().size(); k++) {
            Series s = chart.series().get(k);
            XYSeries xy = data.getSeries(k);
            renderer.setSeriesPaint(k, paint(s, k));
            renderer.setSeriesStroke(k, stroke(s.weight()));
            // a lone point has no line to show it
            renderer.setSeriesShapesVisible(k, xy.getItemCount() == 1);
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            boolean inLegend = xy.getItemCount() > 0 && !s.name().isEmpty();
            renderer.setSeriesVisibleInLegend(k, inLegend);
            anyInLegend |= inLegend;
        }
        renderer.setLegendLine(new Line2D.Double(-14, 0, 14, 0));
        double[] yr = range(List.of(data), false);
        ValueAxis y = chart.logY() ? Axes.log(chart.yLabel(), yr[0], yr[1]) : Axes.linear(chart.yLabel(), yr[0], yr[1], 0.04);
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.setDomainMinorGridlinesVisible(chart.logX() && x.isMinorTickMarksVisible());
        plot.setRangeMinorGridlinesVisible(chart.logY() && y.isMinorTickMarksVisible());
        for (Marker m : markers) {
            if (!chart.logX() || m.x() > 0) {
                plot.addDomainMarker(new ValueMarker(m.x(), MARKER, MARKER_STROKE), Layer.FOREGROUND);
            }
        }
        if (!anyInLegend) {
            return new Built(plot, null);
        }
        LegendTitle legend = new LegendTitle(renderer);
        legend.setItemFont(look.tick);
        legend.setItemPaint(Look.INK);
        legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 2));
        double[] ink = ink(data, x, y, legendBox(chart, look, width, height));
        Corner corner = Corner.TOP_RIGHT;
        for (Corner c : Corner.values()) {
            if (ink[c.ordinal()] < ink[corner.ordinal()]) {
                corner = c;
            }
        }
        if (ink[corner.ordinal()] > INK_LIMIT) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setBackgroundPaint(Color.WHITE);
            // a row of items: space between one item's text and the next item's line
            legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 18));
            legend.setMargin(new RectangleInsets(6, 0, 0, 0));
            return new Built(plot, legend);
        }
        legend.setBackgroundPaint(new Color(255, 255, 255, 225));
        legend.setFrame(new BlockBorder(new RectangleInsets(1, 1, 1, 1), new Color(0xbbbbbb)));
        legend.setPadding(new RectangleInsets(4, 6, 4, 8));
        legend.setPosition(RectangleEdge.RIGHT);
        // XYTitleAnnotation places "relative" coordinates linearly in the axis range, also on a log axis
        plot.addAnnotation(new XYTitleAnnotation(linearFraction(x, corner.x), linearFraction(y, corner.y), legend,
                corner.anchor));
        return new Built(plot, null);
    }

    /** The colour of series {@code s} at position {@code k}, translucent if thin. */
    private static Paint paint(Series s, int k) {
        Color c = (Color) Look.line(s.color() == Series.AUTO ? k : s.color());
        return s.weight() == Series.Weight.THIN ? new Color(c.getRed(), c.getGreen(), c.getBlue(), THIN_ALPHA) : c;
    }

    private static Stroke stroke(Series.Weight weight) {
        float w = switch (weight) {
            case THIN -> 1f;
            case NORMAL -> 2f;
            case BOLD -> 3f;
        };
        return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The chart around {@code plot}, in the look, with room for half of the last x tick label right of the plot. */
    private static JFreeChart chart(String title, XYPlot plot, Look look) {
        JFreeChart jfc = new JFreeChart(title.isEmpty() ? null : title, look.title, plot, false);
        look.apply(jfc);
        jfc.setPadding(new RectangleInsets(8, 8, 8, 8 + 2 * look.fontSize));
        return jfc;
    }

    /**
     * Draws {@code jfc}; with labelled markers, first draws it once to measure where the top
     * data area lies, lays out the labels there ({@link #flags}), widens the plot's top inset by
     * their rows and draws again, then draws each marker's line on up to its label.
     */
    private static BufferedImage draw(JFreeChart jfc, ValueAxis x, List<Marker> markers, Look look, int width,
                                      int height) {
        List<Marker> labelled = new ArrayList<>();
        for (Marker m : markers) {
            if (!m.label().isEmpty() && x.getRange().contains(m.x()) && !labelled.contains(m)) {
                labelled.add(m);
            }
        }
        labelled.sort(Comparator.comparingDouble(Marker::x));
        if (labelled.isEmpty()) {
            return Look.image(jfc, width, height);
        }
        Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
        BufferedImage image = Look.blank(width, height);
        Graphics2D g = Look.graphics(image);
        try {
            g.setFont(look.tick);
            FontMetrics fm = g.getFontMetrics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            jfc.draw(g, area, info);
            Flag[] flags = flags(labelled, x, topDataArea(info), fm, width);
            int rows = 0;
            for (Flag f : flags) {
                rows = Math.max(rows, f.row + 1);
            }
            XYPlot plot = (XYPlot) jfc.getPlot();
            RectangleInsets in = plot.getInsets();
            plot.setInsets(new RectangleInsets(in.getTop() + rows * fm.getHeight() + LABEL_GAP, in.getLeft(),
                    in.getBottom(), in.getRight()));
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            info = new ChartRenderingInfo();
            jfc.draw(g, area, info);
            Rectangle2D d = topDataArea(info);
            flags = flags(labelled, x, d, fm, width);
            for (int i = 0; i < flags.length; i++) {
                Flag f = flags[i];
                double top = d.getMinY() - LABEL_GAP / 2 - (f.row + 1) * fm.getHeight();
                g.setPaint(MARKER);
                g.setStroke(MARKER_STROKE);
                g.draw(new Line2D.Double(f.pole, d.getMinY(), f.pole, top + fm.getHeight() * 0.25));
                g.setPaint(Look.INK);
                g.drawString(labelled.get(i).label(), (float) f.left, (float) (top + fm.getAscent()));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The data area of the (top) plot. */
    private static Rectangle2D topDataArea(ChartRenderingInfo info) {
        PlotRenderingInfo p = info.getPlotInfo();
        return p.getSubplotCount() > 0 ? p.getSubplotInfo(0).getDataArea() : p.getDataArea();
    }

    /**
     * A marker's label above the plot, as a flag on its line (the pole, extended up from the
     * frame): text from {@code left} to {@code right} in row {@code row} (0 nearest the frame).
     */
    private record Flag(double pole, double left, double right, int row) {

        /** Whether this flag and {@code o} overlap, or one's text crosses the other's pole. */
        boolean clashes(Flag o) {
            return (row == o.row && left < o.right + LABEL_GAP && o.left < right + LABEL_GAP)
                    || (row <= o.row && o.pole > left - LABEL_GAP / 2 && o.pole < right + LABEL_GAP / 2)
                    || (o.row <= row && pole > o.left - LABEL_GAP / 2 && pole < o.right + LABEL_GAP / 2);
        }
    }

    /**
     * The flags of {@code markers} (sorted by x), in their order: each label starts just right
     * of its line (ends just left of it if it would leave the image), in the lowest row where it
     * clashes with no flag placed before; flags are placed right to left, so a label that
     * would cross the line of a marker to its right climbs above that marker's label.
     */
    private static Flag[] flags(List<Marker> markers, ValueAxis x, Rectangle2D data, FontMetrics fm, int width) {
        Flag[] flags = new Flag[markers.size()];
        for (int i = flags.length - 1; i >= 0; i--) {
            Marker m = markers.get(i);
            double w = fm.stringWidth(m.label());
            double pole = x.valueToJava2D(m.x(), data, RectangleEdge.BOTTOM);
            double left = pole + 3 + w <= width - 2 ? pole + 3 : Math.max(2, pole - 3 - w);
            Flag f = null;
            for (int row = 0; f == null; row++) {
                f = new Flag(pole, left, left + w, row);
                for (int j = i + 1; j < flags.length; j++) {
                    if (f.clashes(flags[j])) {
                        f = null;
                        break;
                    }
                }
            }
            flags[i] = f;
        }
        return flags;
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

    /**
     * Size of the legend as a fraction of the data area's width and height, from the widest
     * name in the legend font, the legend line and paddings; the data area is taken as 85% of
     * the chart's width and 75% of the plot's height (in pixels).
     */
    private static double[] legendBox(LineChart chart, Look look, double width, double height) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double longest = 0;
        int items = 0;
        for (Series s : chart.series()) {
            if (!s.name().isEmpty()) {
                longest = Math.max(longest, look.tick.getStringBounds(s.name(), frc).getWidth());
                items++;
            }
        }
        double w = (longest + 56) / (0.85 * width);
        double h = (items * 1.5 * look.tick.getSize() + 14) / (0.75 * height);
        return new double[] {Math.min(0.6, w), Math.min(0.9, h)};
    }

    /**
     * For each corner, how much line a legend-sized box there would hide: the length of the
     * lines inside it, in the axes' own (log or linear) coordinates with the data area a unit
     * square (a lone point counts {@value #POINT_INK}). Each segment is sampled every
     * {@value #INK_STEP} of its length. The corner with the least is matplotlib's {@code loc="best"}.
     */
    private static double[] ink(XYSeriesCollection data, ValueAxis x, ValueAxis y, double[] box) {
        double[] ink = new double[Corner.values().length];
        for (int k = 0; k < data.getSeriesCount(); k++) {
            XYSeries s = data.getSeries(k);
            double px = Double.NaN;
            double py = Double.NaN;
            for (int i = 0; i < s.getItemCount(); i++) {
                double fx = fraction(x, s.getX(i).doubleValue());
                double fy = fraction(y, s.getY(i).doubleValue());
                if (s.getItemCount() == 1) {
                    addInk(ink, box, fx, fy, POINT_INK);
                } else if (i > 0) {
                    double length = Math.hypot(fx - px, fy - py);
                    int samples = 1 + (int) Math.ceil(length / INK_STEP);
                    for (int m = 0; m < samples; m++) {
                        double t = (m + 0.5) / samples;
                        addInk(ink, box, px + (fx - px) * t, py + (fy - py) * t, length / samples);
                    }
                }
                px = fx;
                py = fy;
            }
        }
        return ink;
    }

    private static void addInk(double[] ink, double[] box, double a, double b, double amount) {
        for (Corner c : Corner.values()) {
            boolean inX = c.x > 0.5 ? a > 1 - box[0] : a < box[0];
            boolean inY = c.y > 0.5 ? b > 1 - box[1] : b < box[1];
            if (inX && inY) {
                ink[c.ordinal()] += amount;
            }
        }
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
