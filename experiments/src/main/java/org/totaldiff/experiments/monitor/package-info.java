/**
 * The learning-dynamics monitors: the instruments that measure how a PINN learns, after
 * Anagnostopoulos, Toscano, Stergiopulos, Karniadakis, "Learning in PINNs: Phase transition, total
 * diffusion, and generalization" (arXiv:2403.18494, 2024), defined exactly as the authors' code
 * ({@code utils/snr.py}, {@code utils/mi.py}) computes them.
 *
 * <ul>
 *   <li>{@link org.totaldiff.experiments.monitor.GradientSnr}: the full-network and layer-wise
 *       gradient SNR and the gradient order &phi; from group moments of the weight gradients;
 *   <li>{@link org.totaldiff.experiments.monitor.AdamStatistics}: the Adam SNR from the
 *       bias-corrected moments, and the mean relative step;
 *   <li>{@link org.totaldiff.experiments.monitor.ResidualOrder}: the residual order
 *       &phi;<sub>r</sub> over a coarse grid of cells;
 *   <li>{@link org.totaldiff.experiments.monitor.BinnedEntropy}: the binned entropy and saturation
 *       of one hidden layer's activations (information compression).
 * </ul>
 *
 * The monitors that apply them during training, on the configured cadence, and the figures of
 * their histories also live here.
 */
package org.totaldiff.experiments.monitor;
