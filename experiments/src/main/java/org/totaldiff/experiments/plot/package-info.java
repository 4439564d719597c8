/**
 * Figures of a run as PNG files, drawn headless with JFreeChart:
 * {@link org.totaldiff.experiments.plot.Plots} draws line charts of metrics against iteration
 * (log-scale axes, legend), heat maps of scalar fields on a tensor grid as side-by-side panels
 * with colour bars (e.g. reference, prediction and |error|), and scatters of values at points
 * coloured by value (e.g. residual-based-attention weights); line charts may carry labelled
 * vertical markers (e.g. phases of training) and be stacked on one shared x axis. Figures are
 * described by records
 * ({@link org.totaldiff.experiments.plot.LineChart}, {@link org.totaldiff.experiments.plot.StackedLineChart},
 * {@link org.totaldiff.experiments.plot.HeatmapFigure},
 * {@link org.totaldiff.experiments.plot.ScatterField}) and written atomically. XChart was tried
 * first and dropped: it put linear-axis ticks on data points and labelled every heat-map cell.
 */
package org.totaldiff.experiments.plot;
