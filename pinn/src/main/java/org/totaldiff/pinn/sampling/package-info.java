/**
 * Where a PINN looks: axis-aligned domains ({@link org.totaldiff.pinn.sampling.Box}) with named
 * coordinates, and the point sets drawn from them, each an N x d EJML {@code DMatrixRMaj} (rows =
 * points, columns = coordinates in the box's order, e.g. (x, y) or (x, t)).
 *
 * <ul>
 *   <li>{@link org.totaldiff.pinn.sampling.Sampling#latinHypercube} - collocation points, every one
 *       of the N strata of every coordinate hit exactly once;</li>
 *   <li>{@link org.totaldiff.pinn.sampling.Sampling#uniform} - independent uniform points;</li>
 *   <li>{@link org.totaldiff.pinn.sampling.Sampling#boundaryEvenly} /
 *       {@link org.totaldiff.pinn.sampling.Sampling#boundaryRandom} - points on one side of the box
 *       (x = -1, t = 0, ...), {@link org.totaldiff.pinn.sampling.Sampling#initialEvenly} for the
 *       initial line t = t0;</li>
 *   <li>{@link org.totaldiff.pinn.sampling.TensorGrid} - tensor-product grids with inclusive
 *       endpoints, first coordinate slowest.</li>
 * </ul>
 *
 * All randomness comes from a caller-supplied {@link org.totaldiff.engine.Rng}, so a seed fixes
 * every point set. Caller mistakes (N &lt;= 0, an empty box, an unknown coordinate) are
 * {@code IllegalArgumentException}s that name the bad value.
 */
package org.totaldiff.pinn.sampling;
