package org.totaldiff.pinn.nn;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.Tape;

/**
 * Exact periodicity in one input coordinate: x_k is replaced by (cos ω x_k, sin ω x_k),
 * ω = 2π / period, so the network and all its derivatives along x_k are periodic by
 * construction (Dong and Ni 2021; the usual way PINNs treat Allen-Cahn). Output columns:
 * cos, sin, then the other coordinates in order.
 *
 * @param coordinate the periodic input column
 * @param period the period (the domain's width in that coordinate)
 */
public record PeriodicEmbedding(int coordinate, double period) {

    public PeriodicEmbedding {
        if (coordinate < 0) {
            throw new IllegalArgumentException("periodic embedding: coordinate must be >= 0, got " + coordinate);
        }
        if (!(period > 0) || !Double.isFinite(period)) {
            throw new IllegalArgumentException("periodic embedding: period must be a positive number, got " + period);
        }
    }

    /** Columns after the embedding. */
    public int outputs(int inputs) {
        return inputs + 1;
    }

    private double omega() {
        return 2 * Math.PI / period;
    }

    /** The embedding of a jet (derivatives follow through the sin and cos maps). */
    public Jet apply(Jet x, int inputs) {
        check(inputs);
        Jet angle = x.sliceCols(coordinate, coordinate + 1).scale(omega());
        Jet[] parts = new Jet[inputs + 1];
        parts[0] = angle.map(Functions.COS);
        parts[1] = angle.map(Functions.SIN);
        int p = 2;
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
        Node angle = tape.scale(omega(), tape.sliceCols(x, coordinate, coordinate + 1));
        Node[] parts = new Node[x.cols() + 1];
        parts[0] = tape.map(Functions.COS, angle);
        parts[1] = tape.map(Functions.SIN, angle);
        int p = 2;
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
        DMatrixRMaj out = new DMatrixRMaj(x.numRows, d + 1);
        for (int i = 0; i < x.numRows; i++) {
            double a = omega() * x.data[i * d + coordinate];
            int o = i * (d + 1);
            out.data[o] = Math.cos(a);
            out.data[o + 1] = Math.sin(a);
            int p = 2;
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
