/**
 * The benchmark PDEs of the study and their true solutions, behind one interface,
 * {@link org.totaldiff.pinn.problem.ReferenceSolution} (u at an N x d point matrix, the domain
 * box, a description, values on a tensor grid, CSV output):
 *
 * <ul>
 *   <li>{@link org.totaldiff.pinn.problem.Helmholtz2D} - exact manufactured solution
 *       sin(a1 pi x) sin(a2 pi y) and its forcing;</li>
 *   <li>{@link org.totaldiff.pinn.problem.AllenCahnReference} - Fourier pseudo-spectral +
 *       ETDRK4 reference (Kassam and Trefethen 2005) on a 512 x 201 grid, interpolated
 *       trigonometrically in x and cubically in t, cached as CSV;</li>
 *   <li>{@link org.totaldiff.pinn.problem.BurgersColeHopf} - Cole-Hopf exact solution by
 *       Gauss-Hermite quadrature.</li>
 * </ul>
 *
 * The methods, their parameters and the accuracy verified by the tests are described in
 * {@code docs/problems-reference.md}.
 */
package org.totaldiff.pinn.problem;
