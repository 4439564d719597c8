package org.totaldiff.experiments.plot;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A {@link ScatterField} as a JFreeChart {@link XYPlot}: an {@link XYShapeRenderer} paints a
 * small dot per point through a {@link ColorScale}, with a colour bar right of the plot.
 */
final class Scatters {

    private Scatters() {
    }

    /** Renders a scatter. */
    static BufferedImage render(ScatterField f) {
        JFreeChart chart = chart(f);
        Rectangle2D area = new Rectangle2D.Double(0, 0, f.width(), f.height());
        ColorBars.align(List.of(chart), List.of(area));
        return Look.image(chart, f.width(), f.height());
    }

    /** The chart, before {@link ColorBars#align}. */
    static JFreeChart chart(ScatterField f) {
        Look look = Look.forHeight(f.height());
        int[] order = IntStream.range(0, f.values().length)
                .filter(i -> Double.isFinite(f.x()[i]) && Double.isFinite(f.y()[i]) && Double.isFinite(f.values()[i]))
                .boxed().sorted((a, b) -> Double.compare(f.values()[a], f.values()[b]))
                .mapToInt(Integer::intValue).toArray();
        if (order.length == 0) {
            throw new IllegalArgumentException("scatter '" + f.title() + "': no point to draw (" + f.values().length
                    + " points, none with finite coordinates and value)");
        }
        double[][] xyz = new double[3][order.length];
        for (int k = 0; k < order.length; k++) {
            xyz[0][k] = f.x()[order[k]];
            xyz[1][k] = f.y()[order[k]];
            xyz[2][k] = f.values()[order[k]];
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(f.scale(), xyz);
        ColorScale scale = ColorScale.over(f.colors(), xyz[2]);
        XYShapeRenderer renderer = new XYShapeRenderer();
        renderer.setPaintScale(scale);
        renderer.setDrawOutlines(false);
        double d = dotSize(order.length, f.width(), f.height());
        renderer.setSeriesShape(0, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
        double[] xr = Axes.range(xyz[0]);
        double[] yr = Axes.range(xyz[1]);
        XYPlot plot = new XYPlot(data, Axes.linear(f.xLabel(), xr[0], xr[1], 0.02),
                Axes.linear(f.yLabel(), yr[0], yr[1], 0.02), renderer);
        JFreeChart chart = new JFreeChart(f.title().isEmpty() ? null : f.title(), look.title, plot, false);
        chart.addSubtitle(ColorBars.legend(scale, f.scale(), look));
        look.apply(chart);
        return chart;
    }

    /** Dot diameter in pixels: dots about as wide as the typical gap between points, 2.5 to 7 pixels. */
    private static double dotSize(int points, int width, int height) {
        double spacing = Math.sqrt(0.5 * width * height / points);
        return Math.max(2.5, Math.min(7, 0.7 * spacing));
    }
}
