package org.totaldiff.autodiff;

import org.totaldiff.engine.Loops;
import org.totaldiff.engine.Parallel;

/**
 * {@link JetMap} for tanh, the PINN activation, without saved buffers. The derivatives of tanh
 * are polynomials of its value t = tanh(z):
 *
 * <pre>
 *   f'   = s = 1 - t²
 *   f''  = -2 t s
 *   f''' = -2 (s² + t f'')
 * </pre>
 *
 * so the forward pass writes only the jet Y (its value stream is t) and the backward pass
 * recomputes f', f'', f''' from Y's value stream as it goes. Against the general rule this saves
 * three N x n blocks per layer (f', f'', f''') of memory, their writes in the forward pass and
 * their reads in the backward pass, for a few multiplications per element. The expressions
 * ({@link org.totaldiff.engine.TanhJets}, on whole vectors where the Vector API is present) are
 * those {@link Functions#TANH} evaluates, in the same order, so the result is bit for bit the
 * general rule's.
 */
final class TanhJetMap extends Op {

    private final JetLayout layout;
    private final int samples;

    TanhJetMap(JetLayout layout, int samples) {
        this.layout = layout;
        this.samples = samples;
    }

    @Override
    String name() {
        return "tanhJet";
    }

    @Override
    void forward(Node out) {
        double[] z = out.inputs[0].value.data;
        double[] y = out.value.data;
        int block = samples * out.cols();
        int d = layout.directions();
        int[][] pair = JetMap.pairs(layout);
        Loops loops = Loops.get();
        Parallel.forRange(block, ElementWise.GRAIN, (from, to) -> {
            Functions.TANH.evaluate(z, y, null, null, null, from, to);
            loops.tanhJetStreams(z, y, block, d, pair, from, to);
        });
    }

    @Override
    void backward(Node out) {
        var adjoint = out.inputs[0].gradForWrite();
        if (adjoint == null) {
            return;
        }
        double[] gz = adjoint.data;
        // a fresh adjoint holds garbage and is written, not added to (see JetMap)
        boolean fresh = out.inputs[0].gradIsFresh();
        double[] z = out.inputs[0].value.data;
        double[] y = out.value.data;
        double[] gy = out.grad().data;
        int block = samples * out.cols();
        int d = layout.directions();
        int[][] pair = JetMap.pairs(layout);
        Loops loops = Loops.get();
        Parallel.forRange(block, ElementWise.GRAIN,
                (from, to) -> loops.tanhJetAdjoint(z, y, gy, gz, fresh, block, d, pair, from, to));
    }

    @Override
    String describe(Node out) {
        return name() + "(" + out.inputs[0].label() + ") [" + layout + "]";
    }
}
