package org.totaldiff.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A {@link LineChart} as a JFreeChart {@link XYPlot}: one {@link XYSeries} per series holding
 * the points the axes can show (finite, and positive on a log axis; the line joins across the
 * others, so metrics evaluated every k-th iteration draw as one line), {@link Axes} for the
 * axes, a legend inside the plot's top right corner.
 */
final class LineCharts {

    private LineCharts() {
    }

    /** Renders a line chart. */
    static BufferedImage render(LineChart chart) {
        BufferedImage image = Look.blank(chart.width(), chart.height());
        java.awt.Graphics2D g = Look.graphics(image);
        try {
            chart(chart).draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, chart.width(), chart.height()));
        } finally {
            g.dispose();
        }
        return image;
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
            legend.setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
            plot.addAnnotation(new XYTitleAnnotation(0.985, 0.98, legend, RectangleAnchor.TOP_RIGHT));
        }
        return jfc;
    }
}
