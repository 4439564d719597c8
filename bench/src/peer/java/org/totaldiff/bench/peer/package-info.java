/**
 * The libtorch peer harness (Maven profile {@code peer}): one Helmholtz training step of this
 * engine timed side by side with the same step in libtorch through DJL, after a check that the
 * two agree. See {@link org.totaldiff.bench.peer.TorchPeer}.
 */
package org.totaldiff.bench.peer;
