package org.totaldiff.pinn.problem;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.pinn.sampling.TensorGrid;

/**
 * Values of u on a {@link TensorGrid}: {@code values} is size() x 1 in the grid's row order
 * (first coordinate slowest).
 *
 * <p>CSV form: a header naming the coordinates and {@code u} (e.g. {@code x,t,u}), then one row per
 * point in the grid's order, numbers written with {@link Double#toString} so that reading gives
 * back the same bits.
 */
public record GridValues(TensorGrid grid, DMatrixRMaj values) {

    /** Checks that values has one row per grid point and one column. */
    public GridValues {
        if (values.numRows != grid.size() || values.numCols != 1) {
            throw new IllegalArgumentException("GridValues: values are " + values.numRows + "x"
                    + values.numCols + " but the grid has " + grid.size() + " points; expected "
                    + grid.size() + "x1");
        }
    }

    /** u at the point with axis indices idx. */
    public double value(int... idx) {
        return values.data[grid.row(idx)];
    }

    /** Writes the CSV form to file (parent directories must exist). */
    public void writeCsv(Path file) throws IOException {
        DMatrixRMaj p = grid.points();
        int d = grid.dim();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", grid.names()));
            w.write(",u\n");
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < p.numRows; r++) {
                sb.setLength(0);
                for (int j = 0; j < d; j++) {
                    sb.append(p.data[r * d + j]).append(',');
                }
                sb.append(values.data[r]).append('\n');
                w.write(sb.toString());
            }
        }
    }

    /**
     * Reads the CSV form written by {@link #writeCsv}. The axes are recovered from the rows, which
     * must be a complete tensor grid in first-coordinate-slowest order.
     *
     * @throws IOException on read errors
     * @throws IllegalArgumentException if the file is not such a grid (naming the line)
     */
    public static GridValues readCsv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String[] header;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String h = r.readLine();
            if (h == null) {
                throw new IllegalArgumentException("GridValues.readCsv: " + file + " is empty");
            }
            header = h.trim().split(",");
            if (header.length < 2 || !header[header.length - 1].equals("u")) {
                throw new IllegalArgumentException("GridValues.readCsv: " + file
                        + ": header must be coordinate names then u, got '" + h + "'");
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != header.length) {
                    throw new IllegalArgumentException("GridValues.readCsv: " + file + " line " + lineNo
                            + " has " + f.length + " fields, expected " + header.length);
                }
                double[] v = new double[f.length];
                for (int j = 0; j < f.length; j++) {
                    try {
                        v[j] = Double.parseDouble(f[j].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("GridValues.readCsv: " + file + " line " + lineNo
                                + ": '" + f[j] + "' is not a number", e);
                    }
                }
                rows.add(v);
            }
        }
        int d = header.length - 1;
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("GridValues.readCsv: " + file + " has no data rows");
        }
        // Axis j: the distinct values of column j in order of first appearance.
        List<double[]> axes = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            LinkedHashSet<Double> axis = new LinkedHashSet<>();
            for (double[] v : rows) {
                axis.add(v[j]);
            }
            axes.add(axis.stream().mapToDouble(Double::doubleValue).toArray());
        }
        TensorGrid grid = TensorGrid.of(Arrays.asList(header).subList(0, d), axes);
        if (grid.size() != rows.size()) {
            throw new IllegalArgumentException("GridValues.readCsv: " + file + " has " + rows.size()
                    + " rows but its axes span " + grid.size() + " points; not a complete tensor grid");
        }
        DMatrixRMaj p = grid.points();
        DMatrixRMaj u = new DMatrixRMaj(rows.size(), 1);
        for (int r = 0; r < rows.size(); r++) {
            double[] v = rows.get(r);
            for (int j = 0; j < d; j++) {
                if (v[j] != p.data[r * d + j]) {
                    throw new IllegalArgumentException("GridValues.readCsv: " + file + " line " + (r + 2)
                            + ": coordinate " + header[j] + " = " + v[j] + ", expected " + p.data[r * d + j]
                            + " for a first-coordinate-slowest tensor grid");
                }
            }
            u.data[r] = v[d];
        }
        return new GridValues(grid, u);
    }
}
