package org.totaldiff.experiments.plot;

import java.util.List;
import java.util.Objects;

/**
 * Side-by-side heat maps of fields on one tensor grid, each with a colour bar.
 *
 * @param title  figure title (may be empty)
 * @param grid   the grid all panels share
 * @param panels the panels, left to right
 * @param width  PNG width in pixels
 * @param height PNG height in pixels
 */
public record HeatmapFigure(String title, Grid grid, List<Panel> panels, int width, int height) {

    /** Checks shapes and sizes. */
    public HeatmapFigure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(grid, "grid");
        panels = List.copyOf(panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("heat map '" + title + "': no panel to draw");
        }
        if (width < 200 * panels.size() || height < 150) {
            throw new IllegalArgumentException("heat map '" + title + "': " + width + "x" + height
                    + " pixels is too small for " + panels.size() + " panels (need >= " + 200 * panels.size() + "x150)");
        }
        for (Panel p : panels) {
            grid.checkShape("heat map panel '" + p.title() + "'", p.values());
        }
    }

    /**
     * The usual comparison: "reference" and "prediction" on one shared scale, and
     * "|error|" = |prediction - reference| on its own scale.
     */
    public static HeatmapFigure comparison(String title, Grid grid, double[][] reference, double[][] prediction,
                                           int width, int height) {
        grid.checkShape("reference", reference);
        grid.checkShape("prediction", prediction);
        double[][] error = new double[reference.length][];
        for (int i = 0; i < reference.length; i++) {
            error[i] = new double[reference[i].length];
            for (int j = 0; j < error[i].length; j++) {
                error[i][j] = Math.abs(prediction[i][j] - reference[i][j]);
            }
        }
        return new HeatmapFigure(title, grid, List.of(
                new Panel("reference", reference, ColorMap.VIRIDIS, "u"),
                new Panel("prediction", prediction, ColorMap.VIRIDIS, "u"),
                new Panel("|error|", error, ColorMap.INFERNO, "error")), width, height);
    }
}
