/**
 * Phase detection in learning-dynamics traces, after Anagnostopoulos, Toscano, Stergiopulos,
 * Karniadakis, "Learning in PINNs: Phase transition, total diffusion, and generalization"
 * (arXiv:2403.18494, 2024).
 *
 * <ul>
 *   <li>{@link org.totaldiff.experiments.phases.PhaseDetector}: from an SNR trace (iteration, snr)
 *       at any cadence, the end of fitting and the onset of total diffusion (each absent when the
 *       trace does not show it); from a test-error trace, the window of fastest descent. All
 *       parameters and their defaults are in one record,
 *       {@link org.totaldiff.experiments.phases.PhaseDetector.Parameters#defaults()}.
 * </ul>
 *
 * The detector works in log-iteration and log-SNR only, on a grid that is uniform in
 * log-iteration, so its answers scale with the iterations, ignore a constant factor on the SNR and
 * do not depend on how often the trace was logged. The package-private helpers are the
 * cadence-free resampling ({@code LogTrace}) and the robust statistics ({@code Robust}).
 */
package org.totaldiff.experiments.phases;
