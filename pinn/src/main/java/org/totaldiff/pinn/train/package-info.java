/**
 * The training loop: {@link org.totaldiff.pinn.train.Trainer} runs full-batch iterations (record
 * the loss, backward, step) and calls {@link org.totaldiff.pinn.train.TrainingListener}s, which
 * is where metrics, learning-dynamics probes and checkpoints hook in.
 */
package org.totaldiff.pinn.train;
