package org.totaldiff.experiments.plot;

import static org.totaldiff.experiments.plot.Style.FRAME;
import static org.totaldiff.experiments.plot.Style.INK;
import static org.totaldiff.experiments.plot.Ticks.label;
import static org.totaldiff.experiments.plot.Ticks.ticks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link HeatmapFigure}: panels side by side, each the field bilinearly interpolated
 * between grid points (the grid may be non-uniform), axes with round-number ticks, and a colour
 * bar; panels with the same scale name share the colour range; non-finite values are grey.
 */
final class HeatmapRenderer {

    private HeatmapRenderer() {
    }

    /** Renders side-by-side heat maps. */
    static BufferedImage render(HeatmapFigure fig) {
        int w = fig.width();
        int h = fig.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            Style.hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int fs = Style.fontSize(h);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, fs);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, fs - 1);
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, fs + 2);
            int top = 6;
            if (!fig.title().isEmpty()) {
                g.setFont(bold);
                g.setColor(INK);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(fig.title(), (w - fm.stringWidth(fig.title())) / 2, top + fm.getAscent());
                top += fm.getHeight() + 4;
            }
            Map<String, double[]> ranges = ranges(fig.panels());
            int slot = w / fig.panels().size();
            for (int k = 0; k < fig.panels().size(); k++) {
                Panel p = fig.panels().get(k);
                drawPanel(g, fig.grid(), p, ranges.get(p.scale()), k * slot, top, slot, h - top, plain, small);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The value range [min, max] of each scale, over its panels' finite values. */
    private static Map<String, double[]> ranges(List<Panel> panels) {
        Map<String, double[]> ranges = new HashMap<>();
        for (Panel p : panels) {
            double[] r = ranges.computeIfAbsent(p.scale(), s -> new double[] {Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY});
            for (double[] row : p.values()) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        r[0] = Math.min(r[0], v);
                        r[1] = Math.max(r[1], v);
                    }
                }
            }
        }
        for (double[] r : ranges.values()) {
            if (r[0] > r[1]) {
                r[0] = 0;
                r[1] = 1;
            } else if (r[0] == r[1]) {
                double d = r[0] == 0 ? 1 : Math.abs(r[0]) * 0.05;
                r[0] -= d;
                r[1] += d;
            }
        }
        return ranges;
    }

    private static void drawPanel(Graphics2D g, Grid grid, Panel p, double[] range, int ox, int oy, int sw,
                                  int sh, Font plain, Font small) {
        double x0 = grid.x()[0];
        double x1 = grid.x()[grid.x().length - 1];
        double y0 = grid.y()[0];
        double y1 = grid.y()[grid.y().length - 1];
        double[] xt = ticks(x0, x1, 5);
        double[] yt = ticks(y0, y1, 5);
        double[] ct = ticks(range[0], range[1], 6);
        g.setFont(small);
        FontMetrics sm = g.getFontMetrics();
        g.setFont(plain);
        FontMetrics pm = g.getFontMetrics();
        int yTickW = Ticks.maxWidth(sm, yt);
        int cTickW = Ticks.maxWidth(sm, ct);
        int left = 8 + pm.getHeight() + 4 + yTickW + 6;
        int barW = Math.max(10, sw / 28);
        int right = 10 + barW + 7 + cTickW + 10;
        int titleH = pm.getHeight() + 6;
        int bottom = sm.getHeight() + 6 + pm.getHeight() + 8;
        int px = ox + left;
        int py = oy + titleH;
        int pw = Math.max(10, sw - left - right);
        int ph = Math.max(10, sh - titleH - bottom);

        // the field
        BufferedImage field = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        int[] ci = new int[pw];
        double[] cw = new double[pw];
        for (int c = 0; c < pw; c++) {
            locate(grid.x(), x0 + (c + 0.5) / pw * (x1 - x0), ci, cw, c);
        }
        int[] rj = new int[ph];
        double[] rw = new double[ph];
        for (int r = 0; r < ph; r++) {
            locate(grid.y(), y1 - (r + 0.5) / ph * (y1 - y0), rj, rw, r);
        }
        double[][] v = p.values();
        double span = range[1] - range[0];
        for (int r = 0; r < ph; r++) {
            int j = rj[r];
            double b = rw[r];
            for (int c = 0; c < pw; c++) {
                int i = ci[c];
                double a = cw[c];
                double value = (1 - a) * ((1 - b) * v[i][j] + b * v[i][j + 1])
                        + a * ((1 - b) * v[i + 1][j] + b * v[i + 1][j + 1]);
                field.setRGB(c, r, p.colors().rgb(Double.isFinite(value) ? (value - range[0]) / span : Double.NaN));
            }
        }
        g.drawImage(field, px, py, null);
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(px, py, pw, ph);

        // title
        g.setFont(plain);
        g.setColor(INK);
        g.drawString(p.title(), px + (pw - pm.stringWidth(p.title())) / 2, oy + pm.getAscent());

        // x axis
        g.setFont(small);
        for (double t : xt) {
            int x = px + (int) Math.round((t - x0) / (x1 - x0) * pw);
            g.setColor(FRAME);
            g.drawLine(x, py + ph, x, py + ph + 4);
            String s = label(t, xt);
            g.setColor(INK);
            g.drawString(s, x - sm.stringWidth(s) / 2, py + ph + 5 + sm.getAscent());
        }
        g.setFont(plain);
        g.drawString(grid.xLabel(), px + (pw - pm.stringWidth(grid.xLabel())) / 2,
                py + ph + 6 + sm.getHeight() + pm.getAscent());

        // y axis
        g.setFont(small);
        for (double t : yt) {
            int y = py + ph - (int) Math.round((t - y0) / (y1 - y0) * ph);
            g.setColor(FRAME);
            g.drawLine(px - 4, y, px, y);
            String s = label(t, yt);
            g.setColor(INK);
            g.drawString(s, px - 6 - sm.stringWidth(s), y + sm.getAscent() / 2 - 1);
        }
        g.setFont(plain);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(grid.yLabel(), -(py + (ph + pm.stringWidth(grid.yLabel())) / 2), ox + 8 + pm.getAscent());
        g.setTransform(saved);

        // colour bar
        int bx = px + pw + 10;
        for (int r = 0; r < ph; r++) {
            g.setColor(new Color(p.colors().rgb(1.0 - (r + 0.5) / ph)));
            g.fillRect(bx, py + r, barW, 1);
        }
        g.setColor(FRAME);
        g.drawRect(bx, py, barW, ph);
        g.setFont(small);
        for (double t : ct) {
            int y = py + ph - (int) Math.round((t - range[0]) / span * ph);
            g.setColor(FRAME);
            g.drawLine(bx + barW, y, bx + barW + 3, y);
            g.setColor(INK);
            g.drawString(label(t, ct), bx + barW + 7, y + sm.getAscent() / 2 - 1);
        }
    }

    /** Cell index and weight of coordinate {@code c} in increasing {@code grid}, for bilinear interpolation. */
    private static void locate(double[] grid, double c, int[] index, double[] weight, int k) {
        int pos = Arrays.binarySearch(grid, c);
        int i = pos >= 0 ? pos : -pos - 2;
        i = Math.max(0, Math.min(grid.length - 2, i));
        double w = (c - grid[i]) / (grid[i + 1] - grid[i]);
        index[k] = i;
        weight[k] = Math.max(0.0, Math.min(1.0, w));
    }
}
