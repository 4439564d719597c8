/**
 * Training experiments: the run configuration ({@link org.totaldiff.experiments.train.TrainConfig})
 * and its presets, the problem factory, and {@link org.totaldiff.experiments.train.TrainRun}, which
 * drives a {@link org.totaldiff.pinn.train.Trainer} and writes a run directory (metrics,
 * checkpoints, model, points, plots).
 */
package org.totaldiff.experiments.train;
