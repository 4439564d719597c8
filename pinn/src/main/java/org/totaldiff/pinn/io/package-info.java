/**
 * Files: NumPy {@code .npy} / {@code .npz} archives ({@link org.totaldiff.pinn.io.Npz},
 * {@link org.totaldiff.pinn.io.NpzArchive}, {@link org.totaldiff.pinn.io.NdArray}) that
 * {@code numpy.load} reads as they are, and training checkpoints
 * ({@link org.totaldiff.pinn.io.Checkpoint}) stored as one such archive, so a run can resume
 * bit for bit. Every file is written atomically: to a temporary file in the same directory,
 * then moved over the target with {@code ATOMIC_MOVE}.
 */
package org.totaldiff.pinn.io;
