package org.totaldiff.bench.peer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The authors' loss, HM/HM.py {@code net_r} and {@code loss_func} without residual weighting
 * ({@code rba = 0}), with their {@code grad} of utils/func.py
 * ({@code torch.autograd.grad(u, x, ones_like(u), retain_graph=True, create_graph=True)}):
 *
 * <pre>
 *   u = net(cat[x, y])
 *   u_y = grad(u, y);  u_yy = grad(u_y, y);  u_x = grad(u, x);  u_xx = grad(u_x, x)
 *   r = u_xx + u_yy + k² u - q
 *   L = mean(r²) + mean(net(boundary)²)          (the boundary target is 0)
 * </pre>
 *
 * DJL has no Java call for {@code autograd.grad}, and its {@code backward(create_graph)} writes
 * into {@code .grad}, which ties each leaf to its own graph in a reference cycle that DJL cannot
 * cut (over 100 MB leaked per step at N = 8,192). So this runs as TorchScript: the source is
 * generated for the network's depth, written as an archive ({@link TorchScriptArchive}) and
 * loaded once, and the graph executor's optimisation is switched off, so that the interpreter
 * runs the same ATen operations, one by one, as eager PyTorch. The parameters are arguments: the loss's backward
 * pass accumulates into them as into {@code dnn.parameters()}. q is computed once by our
 * {@code Helmholtz2D} and enters as a constant (the authors recompute it every step).
 */
final class AuthorsLoss {

    private final PtSymbolBlock module;

    /**
     * @param layers linear layers of the network (depth + 1)
     * @param k2 k², the coefficient of u in the residual
     */
    AuthorsLoss(PtNDManager manager, int layers, double k2) {
        JniUtils.setGraphExecutorOptimize(false);
        try {
            Path file = Files.createTempFile("totaldiff-peer-", ".pt");
            try {
                TorchScriptArchive.write(file, "Peer", source(layers, k2));
                module = JniUtils.loadModule(manager, file, false, new String[0], new String[0], true);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the TorchScript archive: " + e.getMessage(), e);
        }
    }

    /** The TorchScript source of the loss for {@code layers} linear layers. */
    static String source(int layers, double k2) {
        StringBuilder s = new StringBuilder();
        s.append("class Peer(Module):\n");
        s.append("  __parameters__ = []\n");
        s.append("  __buffers__ = []\n");
        s.append("  training : bool\n");
        s.append("  def forward(self: __torch__.Peer,\n    x: Tensor,\n    y: Tensor,\n    q: Tensor,\n    xb: Tensor");
        for (int l = 0; l < layers; l++) {
            s.append(",\n    w").append(l).append(": Tensor,\n    b").append(l).append(": Tensor");
        }
        s.append(") -> Tensor:\n");
        s.append(network("u", "torch.cat([x, y], 1)", layers));
        s.append(grad("u_y", "u", "y")).append(grad("u_yy", "u_y", "y"));
        s.append(grad("u_x", "u", "x")).append(grad("u_xx", "u_x", "x"));
        s.append(String.format(Locale.ROOT,
                "    r = torch.sub(torch.add(torch.add(u_xx, u_yy), torch.mul(u, %s)), q)%n", Double.toString(k2)));
        s.append(network("ub", "xb", layers));
        s.append("    return torch.add(torch.mean(torch.pow(r, 2)), torch.mean(torch.pow(ub, 2)))\n");
        return s.toString();
    }

    private static String network(String out, String input, int layers) {
        StringBuilder s = new StringBuilder("    h = ").append(input).append('\n');
        for (int l = 0; l < layers; l++) {
            String linear = "torch.linear(h, w" + l + ", b" + l + ")";
            s.append(l + 1 < layers ? "    h = torch.tanh(" + linear + ")\n" : "    " + out + " = " + linear + "\n");
        }
        return s.toString();
    }

    private static String grad(String out, String of, String wrt) {
        return "    " + out + " = unchecked_cast(Tensor, (torch.autograd.grad([" + of + "], [" + wrt + "],"
                + " annotate(List[Optional[Tensor]], [torch.ones_like(" + of + ")]), True, True))[0])\n";
    }

    /**
     * Records L with recording on, at the points (xs, ys: N x 1 constants, copied into fresh
     * leaves); the result belongs to the manager of {@code xs}.
     */
    NDArray record(TorchNet net, NDArray xs, NDArray ys, NDArray q, NDArray boundary) {
        NDArray x = xs.duplicate();
        NDArray y = ys.duplicate();
        x.setRequiresGradient(true);
        y.setRequiresGradient(true);
        NDList in = new NDList(x, y, q, boundary);
        in.addAll(net.parameters());
        NDArray loss = IValueUtils.forward(module, in, true).singletonOrThrow();
        // the loss's backward pass need not fill x.grad and y.grad
        TorchArrays.receives(x, false);
        TorchArrays.receives(y, false);
        return loss;
    }
}
