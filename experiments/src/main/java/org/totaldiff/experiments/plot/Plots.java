package org.totaldiff.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.totaldiff.experiments.io.AtomicFiles;

/**
 * Renders figures to PNG, headless.
 *
 * <p>Both kinds are drawn here with Java2D, in one look (DejaVu/SansSerif text, light grid,
 * round-number ticks). Line charts ({@link LineChart}) have log axes with decade ticks (10 with
 * a superscript exponent) and minor ticks at 2..9, a legend in the top right corner, and lines
 * clipped to the plot area. Heat maps ({@link HeatmapFigure}): each panel shows the field bilinearly interpolated between grid points (the grid
 * may be non-uniform), axes with round-number ticks, and a colour bar; non-finite values are grey.
 *
 * <p>PNG files are replaced atomically, so a figure is never seen half-written.
 */
public final class Plots {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color INK = new Color(0x222222);
    private static final Color FRAME = new Color(0x555555);

    private Plots() {
    }

    // ------------------------------------------------------------------ line charts

    /** Writes a line chart as PNG to {@code file}. */
    public static void write(LineChart chart, Path file) {
        png(render(chart), file);
    }

    /** Renders a line chart. */
    public static BufferedImage render(LineChart chart) {
        List<double[][]> data = new ArrayList<>();
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : chart.series()) {
            double[][] xy = filter(s, chart.logX(), chart.logY());
            for (int i = 0; i < xy[0].length; i++) {
                xy[0][i] = chart.logX() ? Math.log10(xy[0][i]) : xy[0][i];
                xy[1][i] = chart.logY() ? Math.log10(xy[1][i]) : xy[1][i];
                xr[0] = Math.min(xr[0], xy[0][i]);
                xr[1] = Math.max(xr[1], xy[0][i]);
                yr[0] = Math.min(yr[0], xy[1][i]);
                yr[1] = Math.max(yr[1], xy[1][i]);
            }
            data.add(xy);
        }
        if (xr[0] > xr[1]) {
            throw new IllegalArgumentException("line chart '" + chart.title() + "': no point to draw"
                    + (chart.logX() || chart.logY() ? " (a log axis shows positive finite values only)" : ""));
        }
        Axis xa = Axis.of(xr[0], xr[1], chart.logX(), 6);
        Axis ya = Axis.of(yr[0], yr[1], chart.logY(), 6);

        int w = chart.width();
        int h = chart.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int fs = fontSize(h);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, fs);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, fs - 1);
            Font tiny = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, fs - 4));
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, fs + 2);
            g.setFont(plain);
            FontMetrics pm = g.getFontMetrics();
            g.setFont(small);
            FontMetrics sm = g.getFontMetrics();
            int top = 12;
            if (!chart.title().isEmpty()) {
                g.setFont(bold);
                g.setColor(INK);
                FontMetrics bm = g.getFontMetrics();
                g.drawString(chart.title(), (w - bm.stringWidth(chart.title())) / 2, top + bm.getAscent());
                top += bm.getHeight() + 6;
            }
            int yTickW = 0;
            for (double t : ya.major) {
                yTickW = Math.max(yTickW, tickWidth(g, ya, t, small, tiny));
            }
            int left = 10 + pm.getHeight() + 8 + yTickW + 8;
            int bottom = sm.getHeight() + sm.getAscent() / 2 + 10 + pm.getHeight() + 8;
            int px = left;
            int py = top + sm.getAscent() / 2;
            int pw = w - left - 24;
            int ph = h - py - bottom;

            // grid and ticks
            g.setStroke(new BasicStroke(1f));
            for (double t : xa.minor) {
                int x = px + (int) Math.round(xa.fraction(t) * pw);
                g.setColor(MINOR_GRID);
                g.drawLine(x, py, x, py + ph);
                g.setColor(FRAME);
                g.drawLine(x, py + ph, x, py + ph + 3);
            }
            for (double t : ya.minor) {
                int y = py + ph - (int) Math.round(ya.fraction(t) * ph);
                g.setColor(MINOR_GRID);
                g.drawLine(px, y, px + pw, y);
                g.setColor(FRAME);
                g.drawLine(px - 3, y, px, y);
            }
            for (double t : xa.major) {
                int x = px + (int) Math.round(xa.fraction(t) * pw);
                g.setColor(GRID);
                g.drawLine(x, py, x, py + ph);
                g.setColor(FRAME);
                g.drawLine(x, py + ph, x, py + ph + 5);
                drawTick(g, xa, t, small, tiny, x, py + ph + 7, true);
            }
            for (double t : ya.major) {
                int y = py + ph - (int) Math.round(ya.fraction(t) * ph);
                g.setColor(GRID);
                g.drawLine(px, y, px + pw, y);
                g.setColor(FRAME);
                g.drawLine(px - 5, y, px, y);
                drawTick(g, ya, t, small, tiny, px - 8, y, false);
            }

            // the series, clipped to the plot area
            java.awt.Shape clip = g.getClip();
            g.clipRect(px, py, pw + 1, ph + 1);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int k = 0; k < data.size(); k++) {
                double[][] xy = data.get(k);
                g.setColor(PALETTE[k % PALETTE.length]);
                if (xy[0].length == 1) {
                    int x = px + (int) Math.round(xa.fraction(xy[0][0]) * pw);
                    int y = py + ph - (int) Math.round(ya.fraction(xy[1][0]) * ph);
                    g.fillOval(x - 3, y - 3, 6, 6);
                    continue;
                }
                Path2D.Double path = new Path2D.Double();
                for (int i = 0; i < xy[0].length; i++) {
                    double x = px + xa.fraction(xy[0][i]) * pw;
                    double y = py + ph - ya.fraction(xy[1][i]) * ph;
                    if (i == 0) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                }
                g.draw(path);
            }
            g.setClip(clip);
            g.setStroke(new BasicStroke(1f));
            g.setColor(FRAME);
            g.drawRect(px, py, pw, ph);

            // axis titles
            g.setFont(plain);
            g.setColor(INK);
            g.drawString(chart.xLabel(), px + (pw - pm.stringWidth(chart.xLabel())) / 2, h - 8 - pm.getDescent());
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(chart.yLabel(), -(py + (ph + pm.stringWidth(chart.yLabel())) / 2), 10 + pm.getAscent());
            g.setTransform(saved);

            legend(g, chart.series(), data, small, px + pw, py);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The legend in the top right corner of the plot area, for the series that have points. */
    private static void legend(Graphics2D g, List<Series> series, List<double[][]> data, Font font, int right, int top) {
        List<Integer> shown = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            if (data.get(k)[0].length > 0 && !series.get(k).name().isEmpty()) {
                shown.add(k);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int textW = 0;
        for (int k : shown) {
            textW = Math.max(textW, fm.stringWidth(series.get(k).name()));
        }
        int line = fm.getHeight() + 2;
        int bw = 10 + 26 + 8 + textW + 10;
        int bh = 8 + line * shown.size() + 4;
        int bx = right - bw - 10;
        int by = top + 10;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(bx, by, bw, bh);
        g.setColor(new Color(0xbbbbbb));
        g.drawRect(bx, by, bw, bh);
        for (int r = 0; r < shown.size(); r++) {
            int k = shown.get(r);
            int cy = by + 6 + line * r + line / 2;
            g.setColor(PALETTE[k % PALETTE.length]);
            g.setStroke(new BasicStroke(2.2f));
            g.drawLine(bx + 10, cy, bx + 36, cy);
            g.setStroke(new BasicStroke(1f));
            g.setColor(INK);
            g.drawString(series.get(k).name(), bx + 44, cy + fm.getAscent() / 2 - 1);
        }
    }

    /**
     * One axis of a line chart, in plotted units (log10 of the value on a log axis): its range
     * and its major and minor ticks.
     */
    private static final class Axis {
        final double lo;
        final double hi;
        final boolean log;
        final double[] major;
        final double[] minor;

        private Axis(double lo, double hi, boolean log, double[] major, double[] minor) {
            this.lo = lo;
            this.hi = hi;
            this.log = log;
            this.major = major;
            this.minor = minor;
        }

        static Axis of(double min, double max, boolean log, int target) {
            if (log) {
                double lo = Math.floor(min + 1e-9);
                double hi = Math.ceil(max - 1e-9);
                if (hi <= lo) {
                    hi = lo + 1;
                }
                int decades = (int) Math.round(hi - lo);
                int every = Math.max(1, (int) Math.ceil(decades / 8.0));
                List<Double> major = new ArrayList<>();
                List<Double> minor = new ArrayList<>();
                for (int d = 0; d <= decades; d++) {
                    if (d % every == 0) {
                        major.add(lo + d);
                    } else {
                        minor.add(lo + d);
                    }
                    if (d < decades && every == 1 && decades <= 6) {
                        for (int m = 2; m <= 9; m++) {
                            minor.add(lo + d + Math.log10(m));
                        }
                    }
                }
                return new Axis(lo, hi, true, toArray(major), toArray(minor));
            }
            if (max <= min) {
                double d = min == 0 ? 1 : Math.abs(min) * 0.05;
                min -= d;
                max += d;
            }
            double[] t = ticks(min, max, target);
            double step = t.length > 1 ? t[1] - t[0] : max - min;
            double lo = Math.floor(min / step + 1e-9) * step;
            double hi = Math.ceil(max / step - 1e-9) * step;
            return new Axis(lo, hi, false, ticks(lo, hi, target), new double[0]);
        }

        double fraction(double v) {
            return (v - lo) / (hi - lo);
        }

        private static double[] toArray(List<Double> list) {
            return list.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static int tickWidth(Graphics2D g, Axis axis, double t, Font small, Font tiny) {
        if (axis.log) {
            return g.getFontMetrics(small).stringWidth("10") + g.getFontMetrics(tiny).stringWidth(decade(t)) + 1;
        }
        return g.getFontMetrics(small).stringWidth(label(t, axis.major));
    }

    /**
     * Draws a tick label: centred below (x, y) for the x axis, right-aligned and vertically
     * centred at (x, y) for the y axis; "10" with a superscript exponent on a log axis.
     */
    private static void drawTick(Graphics2D g, Axis axis, double t, Font small, Font tiny, int x, int y, boolean below) {
        FontMetrics sm = g.getFontMetrics(small);
        FontMetrics tm = g.getFontMetrics(tiny);
        int width = tickWidth(g, axis, t, small, tiny);
        int left = below ? x - width / 2 : x - width;
        int base = below ? y + sm.getAscent() + (axis.log ? tm.getAscent() / 3 : 0) : y + sm.getAscent() / 2 - 1;
        g.setColor(INK);
        if (axis.log) {
            g.setFont(small);
            g.drawString("10", left, base);
            g.setFont(tiny);
            g.drawString(decade(t), left + sm.stringWidth("10") + 1, base - sm.getAscent() / 2);
        } else {
            g.setFont(small);
            g.drawString(label(t, axis.major), left, base);
        }
    }

    private static String decade(double t) {
        return Long.toString(Math.round(t)).replace('-', '\u2212');
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Tableau-10 colours, well distinguished in print. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private static final Color GRID = new Color(0xe3e3e3);
    private static final Color MINOR_GRID = new Color(0xf3f3f3);

    /** The points of {@code s} that a chart with these axes can show. */
    private static double[][] filter(Series s, boolean logX, boolean logY) {
        double[] x = new double[s.x().length];
        double[] y = new double[s.y().length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = s.x()[i];
            double yi = s.y()[i];
            if (Double.isFinite(xi) && Double.isFinite(yi) && (!logX || xi > 0) && (!logY || yi > 0)) {
                x[n] = xi;
                y[n] = yi;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(x, n), Arrays.copyOf(y, n)};
    }

    private static int fontSize(int height) {
        return Math.max(11, Math.min(18, Math.round(height / 34f)));
    }

    // ------------------------------------------------------------------ heat maps

    /** Writes side-by-side heat maps as PNG to {@code file}. */
    public static void write(HeatmapFigure figure, Path file) {
        png(render(figure), file);
    }

    /** Renders side-by-side heat maps. */
    public static BufferedImage render(HeatmapFigure fig) {
        int w = fig.width();
        int h = fig.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int fs = fontSize(h);
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
        int yTickW = maxWidth(sm, yt);
        int cTickW = maxWidth(sm, ct);
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

    /** Round-number ticks (1, 2 or 5 times a power of ten) inside [lo, hi], about {@code target} of them. */
    static double[] ticks(double lo, double hi, int target) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return new double[] {lo};
        }
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double t = first; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A tick label with as many decimals as the tick step needs, or scientific for extreme scales. */
    static String label(double t, double[] all) {
        return plainLabel(t, all).replace('-', '\u2212');
    }

    private static String plainLabel(double t, double[] all) {
        double step = all.length > 1 ? Math.abs(all[1] - all[0]) : Math.abs(t);
        double big = 0;
        for (double a : all) {
            big = Math.max(big, Math.abs(a));
        }
        if (t == 0) {
            return "0";
        }
        boolean wholeNumbers = step >= 1 && step == Math.rint(step);
        if (wholeNumbers ? big >= 1e7 : big >= 1e5 || step < 1e-3) {
            String s = String.format(Locale.ROOT, "%.1e", t);
            return s.replace(".0e", "e").replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
        }
        int decimals = step > 0 ? Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9)) : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f", t);
    }

    private static int maxWidth(FontMetrics fm, double[] ticks) {
        int w = 0;
        for (double t : ticks) {
            w = Math.max(w, fm.stringWidth(label(t, ticks)));
        }
        return w;
    }

    // ------------------------------------------------------------------ files

    /** Writes an image as PNG, replacing {@code file} atomically. */
    public static void png(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this JVM");
            }
        });
    }

}
