/**
 * Dense double-precision kernels on EJML {@code DMatrixRMaj}: products ({@link org.totaldiff.engine.Dense#mult},
 * {@code multTransA}, {@code multTransB}, fused bias), element-wise maps (tanh with its first and
 * second derivative in one pass), reductions; Vector API inner loops with a scalar fallback
 * ({@link org.totaldiff.engine.Simd}); a deterministic multicore split ({@link org.totaldiff.engine.Parallel});
 * seeded random numbers ({@link org.totaldiff.engine.Rng}). Knows nothing of gradients, networks or PDEs.
 */
package org.totaldiff.engine;
