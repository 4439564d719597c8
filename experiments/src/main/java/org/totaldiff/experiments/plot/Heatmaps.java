package org.totaldiff.experiments.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A {@link HeatmapFigure} as JFreeChart charts side by side in one image: each panel an
 * {@link XYPlot} with an {@link XYBlockRenderer} painting through a {@link ColorScale} and a
 * colour bar; panels with the same scale name share the scale. The blocks sit on a uniform
 * grid: a non-uniform grid, or one finer than {@link #MAX_BLOCKS} per axis, is first
 * resampled bilinearly (a NaN value shows grey around its grid point).
 */
final class Heatmaps {

    /** Most blocks along an axis: about one per pixel of a panel. */
    static final int MAX_BLOCKS = 320;

    private Heatmaps() {
    }

    /** Renders side-by-side heat maps. */
    static BufferedImage render(HeatmapFigure fig) {
        Look look = Look.forHeight(fig.height());
        Map<String, double[]> ranges = ranges(fig.panels());
        Grid grid = fig.grid();
        double[] xs = blocks(grid.x());
        double[] ys = blocks(grid.y());
        BufferedImage image = Look.blank(fig.width(), fig.height());
        Graphics2D g = Look.graphics(image);
        try {
            double top = 0;
            if (!fig.title().isEmpty()) {
                TextTitle title = new TextTitle(fig.title(), look.title);
                title.setPaint(Look.INK);
                title.setPadding(new RectangleInsets(8, 8, 4, 8));
                top = title.arrange(g, new RectangleConstraint(new Range(0, fig.width()), new Range(0, fig.height())))
                        .getHeight();
                title.draw(g, new Rectangle2D.Double(0, 0, fig.width(), top));
            }
            int n = fig.panels().size();
            double slot = (double) fig.width() / n;
            List<JFreeChart> charts = new ArrayList<>();
            List<Rectangle2D> areas = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Panel p = fig.panels().get(k);
                double[] r = ranges.get(p.scale());
                charts.add(panel(grid, xs, ys, p, new ColorScale(p.colors(), r[0], r[1]), look));
                areas.add(new Rectangle2D.Double(k * slot, top, slot, fig.height() - top));
            }
            ColorBars.align(charts, areas);
            for (int k = 0; k < n; k++) {
                charts.get(k).draw(g, areas.get(k));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The value range of each scale name, over the finite values of its panels ([0, 1] if none). */
    private static Map<String, double[]> ranges(List<Panel> panels) {
        Map<String, List<double[]>> values = new HashMap<>();
        for (Panel p : panels) {
            values.computeIfAbsent(p.scale(), s -> new ArrayList<>()).addAll(Arrays.asList(p.values()));
        }
        Map<String, double[]> ranges = new HashMap<>();
        values.forEach((scale, rows) -> {
            double[] r = Axes.range(rows.toArray(new double[0][]));
            ranges.put(scale, r == null ? new double[] {0, 1} : r);
        });
        return ranges;
    }

    /** One panel: its title on top, the field, its colour bar right of it. */
    private static JFreeChart panel(Grid grid, double[] xs, double[] ys, Panel p, ColorScale scale, Look look) {
        double[][] v = resample(grid, p.values(), xs, ys);
        int m = xs.length;
        int n = ys.length;
        double[][] xyz = new double[3][m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                xyz[0][i * n + j] = xs[i];
                xyz[1][i * n + j] = ys[j];
                xyz[2][i * n + j] = v[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(p.title(), xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(xs[1] - xs[0]);
        renderer.setBlockHeight(ys[1] - ys[0]);
        renderer.setPaintScale(scale);
        double[] gx = grid.x();
        double[] gy = grid.y();
        XYPlot plot = new XYPlot(data, Axes.linear(grid.xLabel(), gx[0], gx[gx.length - 1], 0),
                Axes.linear(grid.yLabel(), gy[0], gy[gy.length - 1], 0), renderer);
        JFreeChart chart = new JFreeChart(p.title(), look.label, plot, false);
        chart.addSubtitle(ColorBars.legend(scale, null, look));
        look.apply(chart);
        chart.getTitle().setFont(look.label);
        chart.getTitle().setPadding(new RectangleInsets(2, 2, 6, 2));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // blocks meet edge to edge: anti-aliasing would leave faint seams
        chart.setAntiAlias(false);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        return chart;
    }

    /** Block centres along a grid axis: the axis itself if uniform and not too fine, else a uniform one. */
    static double[] blocks(double[] c) {
        int n = c.length;
        double step = (c[n - 1] - c[0]) / (n - 1);
        boolean uniform = true;
        for (int i = 0; i < n && uniform; i++) {
            uniform = Math.abs(c[i] - (c[0] + i * step)) <= 1e-6 * step;
        }
        return uniform && n <= MAX_BLOCKS ? c : Grid.linspace(c[0], c[n - 1], MAX_BLOCKS);
    }

    /**
     * The field at (xs[a], ys[b]), bilinear between the grid's points (exact at them; see
     * {@link #bilinear} for NaN values).
     */
    static double[][] resample(Grid grid, double[][] v, double[] xs, double[] ys) {
        if (xs == grid.x() && ys == grid.y()) {
            return v;
        }
        int[] ci = new int[xs.length];
        double[] cw = new double[xs.length];
        for (int a = 0; a < xs.length; a++) {
            locate(grid.x(), xs[a], ci, cw, a);
        }
        int[] rj = new int[ys.length];
        double[] rw = new double[ys.length];
        for (int b = 0; b < ys.length; b++) {
            locate(grid.y(), ys[b], rj, rw, b);
        }
        double[][] out = new double[xs.length][ys.length];
        for (int a = 0; a < xs.length; a++) {
            int i = ci[a];
            double s = cw[a];
            for (int b = 0; b < ys.length; b++) {
                int j = rj[b];
                double t = rw[b];
                out[a][b] = bilinear(v[i][j], v[i][j + 1], v[i + 1][j], v[i + 1][j + 1], s, t);
            }
        }
        return out;
    }

    /**
     * Bilinear interpolation in a cell with corner values v00 at (0, 0), v01 at (0, 1), v10 at
     * (1, 0) and v11 at (1, 1), at (s, t): NaN if the nearest corner is NaN, else the weighted
     * mean of the finite corners (so a NaN greys only the neighbourhood of its own grid point).
     */
    private static double bilinear(double v00, double v01, double v10, double v11, double s, double t) {
        double nearest = s < 0.5 ? (t < 0.5 ? v00 : v01) : (t < 0.5 ? v10 : v11);
        if (Double.isNaN(nearest)) {
            return Double.NaN;
        }
        double[] v = {v00, v01, v10, v11};
        double[] w = {(1 - s) * (1 - t), (1 - s) * t, s * (1 - t), s * t};
        double sum = 0;
        double weight = 0;
        for (int k = 0; k < 4; k++) {
            if (w[k] > 0 && Double.isFinite(v[k])) {
                sum += w[k] * v[k];
                weight += w[k];
            }
        }
        return weight > 0 ? sum / weight : nearest;
    }

    /** Cell index and weight of coordinate {@code c} in increasing {@code grid}. */
    private static void locate(double[] grid, double c, int[] index, double[] weight, int k) {
        int pos = Arrays.binarySearch(grid, c);
        int i = pos >= 0 ? pos : -pos - 2;
        i = Math.max(0, Math.min(grid.length - 2, i));
        index[k] = i;
        weight[k] = Math.max(0.0, Math.min(1.0, (c - grid[i]) / (grid[i + 1] - grid[i])));
    }
}
