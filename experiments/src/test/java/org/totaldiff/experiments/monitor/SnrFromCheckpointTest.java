package org.totaldiff.experiments.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.experiments.cli.Main;
import org.totaldiff.experiments.io.Manifest;
import org.totaldiff.experiments.io.MetricsCsv;
import org.totaldiff.experiments.train.TrainConfig;
import org.totaldiff.experiments.train.TrainRun;
import org.totaldiff.pinn.io.Checkpoint;
import org.totaldiff.pinn.loss.PinnLoss;
import org.totaldiff.pinn.loss.ResidualWeighting;
import org.totaldiff.pinn.nn.Mlp;
import org.totaldiff.pinn.train.Trainer;

/**
 * An snr.csv row recomputed independently from a saved checkpoint: restore the state after k
 * iterations, record the full loss once (which updates λ as iteration k does), then one backward
 * pass per group of that group's own loss, and the authors' statistics over the groups
 * (numpy's mean and population std, two-pass).
 */
class SnrFromCheckpointTest {

    @Test
    void aRowEqualsOneBackwardPerGroupOnTheCheckpointedState(@TempDir Path tmp) throws Exception {
        for (String weighting : List.of("none", "rba")) {
            Path dir = tmp.resolve(weighting);
            String[] args = {"train", "--problem", "helmholtz", "--out", dir.toString(), "--iterations", "20",
                "--points", "96", "--width", "8", "--depth", "2", "--boundary-points", "8", "--checkpoint-every", "10",
                "--test-grid", "11", "--progress", "none", "--weighting", weighting, "--lbfgs-iterations", "0",
                "--snr-groups", "12", "--rba-start", "full_first_step", "--rba-normalization", "min_max"};
            picocli.CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            cl.setOut(new PrintWriter(new StringWriter()));
            assertEquals(0, cl.execute(args), err.toString());

            TrainConfig config = Manifest.read(dir.resolve("run.json")).configAs(TrainConfig.class);
            Checkpoint at10 = Checkpoint.load(dir.resolve("checkpoint.prev.npz"));
            assertEquals(10, at10.iteration());
            Trainer trainer = new TrainRun(config).trainer();
            trainer.restore(at10);
            double[] expected = recompute(trainer, 10, 12);

            MetricsCsv.Table table = MetricsCsv.read(dir.resolve("snr.csv"));
            int row = java.util.Arrays.binarySearch(table.iterations(), 10);
            List<String> columns = List.of("snr", "phi", "snr_layer_0", "snr_layer_1", "snr_layer_2");
            for (int c = 0; c < columns.size(); c++) {
                double actual = table.column(columns.get(c))[row];
                assertEquals(expected[c], actual, 1e-9 * Math.abs(expected[c]), weighting + " " + columns.get(c));
            }
        }
    }

    /** snr, phi and the layer SNRs at iteration k from the trainer's restored state, B contiguous groups. */
    private static double[] recompute(Trainer trainer, int k, int groups) {
        DMatrixRMaj points = trainer.collocation();
        int n = points.numRows;
        // the full loss of iteration k updates λ from that iteration's residuals, as training does
        Tape full = new Tape();
        PinnLoss.record(trainer.network().bind(full), trainer.problem(), points, new SampleSet("all", n),
                trainer.conditions(), trainer.weighting(), k);
        DMatrixRMaj lambda = trainer.weighting().attention();
        boolean inLoss = trainer.weighting().weights() != null;
        int size = n / groups;
        List<List<DMatrixRMaj>> grads = new ArrayList<>();
        for (int b = 0; b < groups; b++) {
            DMatrixRMaj pts = new DMatrixRMaj(size, points.numCols);
            DMatrixRMaj lam = new DMatrixRMaj(size, 1);
            System.arraycopy(points.data, b * size * points.numCols, pts.data, 0, size * points.numCols);
            System.arraycopy(lambda.data, b * size, lam.data, 0, size);
            Tape tape = new Tape();
            Mlp.Bound bound = trainer.network().bind(tape);
            PinnLoss loss = PinnLoss.record(bound, trainer.problem(), pts, new SampleSet("group", size),
                    trainer.conditions(), inLoss ? ResidualWeighting.frozen(lam) : ResidualWeighting.none(), k);
            tape.backward(loss.total());
            List<DMatrixRMaj> g = new ArrayList<>();
            for (Node w : bound.weights()) {
                g.add(w.grad().copy());
            }
            grads.add(g);
        }
        int layers = grads.get(0).size();
        double mu2 = 0;
        double sigma2 = 0;
        double[] out = new double[2 + layers];
        for (int l = 0; l < layers; l++) {
            double m2 = 0;
            double s2 = 0;
            for (int e = 0; e < grads.get(0).get(l).getNumElements(); e++) {
                double mean = 0;
                for (List<DMatrixRMaj> g : grads) {
                    mean += g.get(l).data[e];
                }
                mean /= groups;
                double var = 0;
                for (List<DMatrixRMaj> g : grads) {
                    double d = g.get(l).data[e] - mean;
                    var += d * d;
                }
                m2 += mean * mean;
                s2 += var / groups;
            }
            out[2 + l] = Math.sqrt(m2) / Math.sqrt(s2);
            mu2 += m2;
            sigma2 += s2;
        }
        out[0] = Math.sqrt(mu2) / Math.sqrt(sigma2);
        out[1] = Math.sqrt(mu2) / Math.sqrt(mu2 + sigma2);
        assertTrue(out[0] > 0 && Double.isFinite(out[0]));
        return out;
    }
}
