/**
 * Figures of a run as PNG files, rendered headless: {@link org.totaldiff.experiments.plot.Plots}
 * draws line charts of metrics against iteration (log-scale axes, legend) and heat maps
 * of scalar fields on a tensor grid, side-by-side panels with colour bars (all drawn with Java2D; e.g.
 * reference, prediction and |error|). Figures are described by records
 * ({@link org.totaldiff.experiments.plot.LineChart},
 * {@link org.totaldiff.experiments.plot.HeatmapFigure}) and written atomically.
 */
package org.totaldiff.experiments.plot;
