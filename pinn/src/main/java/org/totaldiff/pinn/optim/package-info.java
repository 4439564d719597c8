/**
 * Optimizers of the parameters of a network: {@link org.totaldiff.pinn.optim.Adam} with
 * bias correction, exactly as PyTorch's {@code torch.optim.Adam} computes it (Kingma &amp; Ba,
 * "Adam: A Method for Stochastic Optimization", ICLR 2015), learning-rate schedules
 * ({@link org.totaldiff.pinn.optim.StepDecay}, {@link org.totaldiff.pinn.optim.ExponentialDecay},
 * {@link org.totaldiff.pinn.optim.Constant}), and {@link org.totaldiff.pinn.optim.Lbfgs} with a
 * strong-Wolfe line search, a port of PyTorch's {@code torch.optim.LBFGS}.
 *
 * <p>Parameters are a {@code List<DMatrixRMaj>} (weights and biases) updated in place; the
 * gradients are a list of the same length and shapes. Every optimizer exports its whole state
 * as an {@link org.totaldiff.pinn.optim.OptimizerState} (named arrays and scalars) that a
 * checkpoint can store losslessly: restoring it and stepping on gives bit for bit the run that
 * never stopped.
 */
package org.totaldiff.pinn.optim;
