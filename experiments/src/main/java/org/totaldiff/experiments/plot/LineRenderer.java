package org.totaldiff.experiments.plot;

import static org.totaldiff.experiments.plot.Style.FRAME;
import static org.totaldiff.experiments.plot.Style.INK;
import static org.totaldiff.experiments.plot.Style.GRID;
import static org.totaldiff.experiments.plot.Style.MINOR_GRID;
import static org.totaldiff.experiments.plot.Style.PALETTE;
import static org.totaldiff.experiments.plot.Ticks.label;
import static org.totaldiff.experiments.plot.Ticks.ticks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a {@link LineChart}: log axes with decade ticks ("10" with a superscript exponent) and
 * minor ticks at 2..9, linear axes with round-number ticks extended to a tick at both ends, a
 * light grid, lines clipped to the plot area, a legend in the top right corner.
 */
final class LineRenderer {

    private LineRenderer() {
    }

    /** Renders a line chart. */
    static BufferedImage render(LineChart chart) {
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
            Style.hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            int fs = Style.fontSize(h);
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
            // room on the right for half of the last x tick label
            int right = Math.max(24, tickWidth(g, xa, xa.major[xa.major.length - 1], small, tiny) / 2 + 10);
            int pw = w - left - right;
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
}
