/**
 * Reverse-mode automatic differentiation on EJML matrices, with forward-mode input derivatives
 * (jets) recorded on the same tape, gradient checking, and per-sample gradient extraction.
 *
 * <ul>
 *   <li>{@link org.totaldiff.autodiff.Tape} records operations on {@link org.totaldiff.autodiff.Node}s
 *       and runs backward as one flat reverse loop.</li>
 *   <li>{@link org.totaldiff.autodiff.ScalarFunction} describes an element-wise function once, by
 *       its value and derivatives; {@link org.totaldiff.autodiff.Functions} holds the usual ones.</li>
 *   <li>{@link org.totaldiff.autodiff.Jet} pushes a network input's first and second derivatives
 *       forward through dense layers, as ordinary tape operations.</li>
 *   <li>{@link org.totaldiff.autodiff.PerSample} turns one backward pass into per-group gradients,
 *       per-sample second moments and explicit per-sample gradients.</li>
 *   <li>{@link org.totaldiff.autodiff.GradCheck} checks all of it against finite differences.</li>
 * </ul>
 *
 * <p>Only the {@code engine} module touches EJML's kernels and the Vector API; this module
 * calls {@link org.totaldiff.engine.Dense}.
 */
package org.totaldiff.autodiff;
