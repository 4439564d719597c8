/**
 * PINN loss terms and residual weighting: {@link org.totaldiff.pinn.loss.PinnLoss} assembles
 * mean((λ r)²) + the boundary and initial terms on the tape; {@link org.totaldiff.pinn.loss.Rba}
 * is residual-based attention (Anagnostopoulos et al. 2024).
 */
package org.totaldiff.pinn.loss;
