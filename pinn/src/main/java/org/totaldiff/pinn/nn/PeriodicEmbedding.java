package org.totaldiff.pinn.nn;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;

/**
 * Exact periodicity in one input coordinate: x_k is replaced by its first K Fourier harmonics,
 * (cos ω x_k, sin ω x_k, cos 2ω x_k, sin 2ω x_k, ..., cos Kω x_k, sin Kω x_k), ω = 2π / period,
 * so the network and all its derivatives along x_k are periodic by construction (Dong and Ni
 * 2021, "A method for representing periodic functions and enforcing exactly periodic boundary
 * conditions with deep neural networks"; K = 1 is their embedding; Wang, Wang and Perdikaris 2021
 * and the RBA paper's best Allen-Cahn run use k = 1..10). Output columns: the harmonics in that
 * order, then the other coordinates in order.
 *
 * @param coordinate the periodic input column
 * @param period the period (the domain's width in that coordinate)
 * @param harmonics K, at least 1
 */
public record PeriodicEmbedding(int coordinate, double period, int harmonics) {

    public PeriodicEmbedding {
        if (coordinate < 0) {
            throw new IllegalArgumentException("periodic embedding: coordinate must be >= 0, got " + coordinate);
        }
        if (!(period > 0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("periodic embedding: period must be a positive number, got " + period);
        }
        if (harmonics < 1) {
            throw new IllegalArgumentException("periodic embedding: harmonics must be >= 1, got " + harmonics);
        }
    }

    /** The (cos, sin) embedding: one harmonic. */
    public PeriodicEmbedding(int coordinate, double period) {
        this(coordinate, period, 1);
    }

    /** Columns after the embedding. */
    public int outputs(int inputs) {
        return inputs + addedColumns();
    }

    /** Columns the embedding adds: 2K in place of one. */
    public int addedColumns() {
        return 2 * harmonics - 1;
    }

    /** The angular frequency of harmonic k (1-based): k ω. */
    private double omega(int k) {
        return k * (2 * Math.PI / period);
    }

    /** The embedding of a jet (derivatives follow through the sin and cos maps). */
    public Jet apply(Jet x, int inputs) {
        check(inputs);
        Jet column = x.sliceCols(coordinate, coordinate + 1);
        Jet[] parts = new Jet[outputs(inputs)];
        int p = 0;
        for (int k = 1; k <= harmonics; k++) {
            Jet angle = column.scale(omega(k));
            parts[p++] = angle.map(Functions.COS);
            parts[p++] = angle.map(Functions.SIN);
        }
        for (int j = 0; j < inputs; j++) {
            if (j != coordinate) {
                parts[p++] = x.sliceCols(j, j + 1);
            }
        }
        return Jet.concatCols(parts);
    }

    /** The embedding of points on a tape. */
    public Node apply(Tape tape, Node x) {
        check(x.cols());
        Node column = tape.sliceCols(x, coordinate, coordinate + 1);
        Node[] parts = new Node[outputs(x.cols())];
        int p = 0;
        for (int k = 1; k <= harmonics; k++) {
            Node angle = tape.scale(omega(k), column);
            parts[p++] = tape.map(Functions.COS, angle);
            parts[p++] = tape.map(Functions.SIN, angle);
        }
        for (int j = 0; j < x.cols(); j++) {
            if (j != coordinate) {
                parts[p++] = tape.sliceCols(x, j, j + 1);
            }
        }
        return tape.concatCols(parts);
    }

    /** The embedding of points, without a tape. */
    public DMatrixRMaj apply(DMatrixRMaj x) {
        check(x.numCols);
        int d = x.numCols;
        int w = outputs(d);
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, w);
        for (int i = 0; i < x.numRows; i++) {
            double v = x.data[i * d + coordinate];
            int o = i * w;
            int p = 0;
            for (int k = 1; k <= harmonics; k++) {
                double a = omega(k) * v;
                out.data[o + p++] = Math.cos(a);
                out.data[o + p++] = Math.sin(a);
            }
            for (int j = 0; j < d; j++) {
                if (j != coordinate) {
                    out.data[o + p++] = x.data[i * d + j];
                }
            }
        }
        return out;
    }

    private void check(int inputs) {
        if (coordinate >= inputs) {
            throw new IllegalArgumentException("periodic embedding: coordinate " + coordinate + " but the points have "
                    + inputs + " columns");
        }
    }
}
