package org.totaldiff.experiments.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The per-iteration table {@code metrics.csv}: a fixed header whose first column is
 * {@value #ITERATION}, then one row per recorded iteration, in increasing iteration order.
 *
 * <p>Every row is flushed as soon as it is appended, so a killed run loses no recorded row
 * (at most a half-written last line, which {@link #resume} drops). Numbers are written with
 * {@link Double#toString(double)} (exact round trip); non-finite values as {@code NaN},
 * {@code Infinity}, {@code -Infinity}, which pandas and numpy read.
 *
 * <p>On resume from iteration k, the rows after k are removed (they were computed after the
 * checkpoint the run continues from, and will be computed again), so the table never holds
 * an iteration twice.
 *
 * <p>A table made with {@link Rows#SEVERAL_PER_ITERATION} (entropy.csv: one row per layer)
 * takes several rows of one iteration, in non-decreasing iteration order.
 */
public final class MetricsCsv implements Closeable {

    /** Name of the first column. */
    public static final String ITERATION = "iteration";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    /** How many rows an iteration may have. */
    public enum Rows {
        /** Iterations strictly increase (metrics.csv, snr.csv). */
        ONE_PER_ITERATION,
        /**
         * Iterations do not decrease (entropy.csv: one row per layer); the first value column is
         * the row's whole-number key within its iteration (the layer), written without a fraction.
         */
        SEVERAL_PER_ITERATION
    }

    private final Path file;
    private final List<String> header;
    private final Rows rows;
    private final BufferedWriter writer;
    private final CSVPrinter printer;
    private long last;

    private MetricsCsv(Path file, List<String> header, long last, Rows rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.last = last;
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            this.printer = new CSVPrinter(writer, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /**
     * Creates (or replaces) the table with the header {@code iteration, columns...}.
     *
     * @param columns names of the value columns, without {@value #ITERATION}
     */
    public static MetricsCsv create(Path file, List<String> columns) {
        return create(file, columns, Rows.ONE_PER_ITERATION);
    }

    /** As {@link #create(Path, List)}, with the given number of rows per iteration. */
    public static MetricsCsv create(Path file, List<String> columns, Rows rows) {
        List<String> header = header(columns);
        AtomicFiles.write(file, (FORMAT.format(header.toArray()) + "\n").getBytes(StandardCharsets.UTF_8));
        return new MetricsCsv(file, header, Long.MIN_VALUE, rows);
    }

    /**
     * Reopens the table of a run resumed after iteration {@code lastIteration}: checks that
     * its header is {@code iteration, columns...}, removes the rows after {@code lastIteration}
     * (and a half-written last line), and appends from there. A missing file is created.
     *
     * @throws IllegalArgumentException if the existing header differs or a row is malformed
     */
    public static MetricsCsv resume(Path file, List<String> columns, long lastIteration) {
        return resume(file, columns, lastIteration, Rows.ONE_PER_ITERATION);
    }

    /** As {@link #resume(Path, List, long)}, with the given number of rows per iteration. */
    public static MetricsCsv resume(Path file, List<String> columns, long lastIteration, Rows rows) {
        List<String> header = header(columns);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return create(file, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        int end = text.lastIndexOf('\n');
        text = end < 0 ? "" : text.substring(0, end + 1);
        if (text.isEmpty()) {
            return create(file, columns, rows);
        }
        Table table = parse(file, text);
        if (!table.header().equals(header)) {
            throw new IllegalArgumentException(file + ": the header " + table.header()
                    + " differs from this run's columns " + header + "; pass --force to start over");
        }
        StringBuilder kept = new StringBuilder(FORMAT.format(header.toArray())).append('\n');
        long last = Long.MIN_VALUE;
        for (int r = 0; r < table.rows(); r++) {
            long it = table.iterations()[r];
            if (it > lastIteration) {
                break;
            }
            kept.append(FORMAT.format(row(it, table.values()[r], rows))).append('\n');
            last = it;
        }
        AtomicFiles.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
        return new MetricsCsv(file, header, last, rows);
    }

    private static List<String> header(List<String> columns) {
        List<String> header = new ArrayList<>(columns.size() + 1);
        header.add(ITERATION);
        for (String c : columns) {
            if (c == null || c.isBlank() || c.equals(ITERATION) || header.contains(c)) {
                throw new IllegalArgumentException("metrics.csv: column names must be non-blank, distinct and not '"
                        + ITERATION + "', got " + columns);
            }
            header.add(c);
        }
        return List.copyOf(header);
    }

    /** The header, {@value #ITERATION} first. */
    public List<String> header() {
        return header;
    }

    /** The file written. */
    public Path file() {
        return file;
    }

    /**
     * Appends the row {@code iteration, values...} and flushes it.
     *
     * @throws IllegalArgumentException if the number of values is not the number of value columns
     * @throws IllegalStateException    if {@code iteration} is not after the last row's (not
     *     before it, for a table of several rows per iteration)
     */
    public synchronized void append(long iteration, double... values) {
        if (values.length != header.size() - 1) {
            throw new IllegalArgumentException("metrics.csv: expected " + (header.size() - 1) + " values "
                    + header.subList(1, header.size()) + ", got " + values.length);
        }
        if (iteration < last || (iteration == last && rows == Rows.ONE_PER_ITERATION)) {
            throw new IllegalStateException("metrics.csv: iteration " + iteration + " after " + last
                    + "; rows must be appended in increasing iteration order");
        }
        try {
            printer.printRecord(row(iteration, values, rows));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + AtomicFiles.describe(e), e);
        }
        last = iteration;
    }

    /**
     * Appends a row given by column name; columns not in {@code values} are written as NaN.
     *
     * @throws IllegalArgumentException if {@code values} names a column the table does not have
     */
    public void append(long iteration, Map<String, ? extends Number> values) {
        double[] row = new double[header.size() - 1];
        Arrays.fill(row, Double.NaN);
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            int c = header.indexOf(e.getKey());
            if (c < 1) {
                throw new IllegalArgumentException("metrics.csv: no column '" + e.getKey() + "' in " + header);
            }
            row[c - 1] = e.getValue().doubleValue();
        }
        append(iteration, row);
    }

    /** Iteration of the last row, or {@code Long.MIN_VALUE} if the table has no row. */
    public synchronized long lastIteration() {
        return last;
    }

    @Override
    public synchronized void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static Object[] row(long iteration, double[] values, Rows rows) {
        Object[] row = new Object[values.length + 1];
        row[0] = Long.toString(iteration);
        for (int i = 0; i < values.length; i++) {
            boolean key = i == 0 && rows == Rows.SEVERAL_PER_ITERATION;
            row[i + 1] = key ? Long.toString((long) values[i]) : Double.toString(values[i]);
        }
        return row;
    }

    /**
     * A metrics table read back.
     *
     * @param header     column names, {@value MetricsCsv#ITERATION} first
     * @param iterations the iteration of each row
     * @param values     {@code values[row][c]} is value column c (header column c + 1)
     */
    public record Table(List<String> header, long[] iterations, double[][] values) {

        /** Number of rows. */
        public int rows() {
            return iterations.length;
        }

        /** The values of one column, by name (the iterations as doubles for {@value MetricsCsv#ITERATION}). */
        public double[] column(String name) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("metrics.csv: no column '" + name + "' in " + header);
            }
            double[] out = new double[rows()];
            for (int r = 0; r < out.length; r++) {
                out[r] = c == 0 ? iterations[r] : values[r][c - 1];
            }
            return out;
        }
    }

    /**
     * Reads a metrics table; a half-written last line is ignored.
     *
     * @throws IllegalArgumentException if the file is missing or malformed
     */
    public static Table read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
        int end = text.lastIndexOf('\n');
        return parse(file, end < 0 ? "" : text.substring(0, end + 1));
    }

    private static Table parse(Path file, String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty() || !ITERATION.equals(records.get(0).get(0))) {
                throw new IllegalArgumentException(file + ": not a metrics table (the first column must be '"
                        + ITERATION + "')");
            }
            List<String> header = records.get(0).toList();
            int n = records.size() - 1;
            long[] iterations = new long[n];
            double[][] values = new double[n][];
            for (int r = 0; r < n; r++) {
                CSVRecord rec = records.get(r + 1);
                if (rec.size() != header.size()) {
                    throw new IllegalArgumentException(file + ": line " + (r + 2) + " has " + rec.size()
                            + " fields, the header has " + header.size());
                }
                iterations[r] = parseLong(file, r + 2, rec.get(0));
                values[r] = new double[header.size() - 1];
                for (int c = 1; c < header.size(); c++) {
                    values[r][c - 1] = parseDouble(file, r + 2, header.get(c), rec.get(c));
                }
            }
            return new Table(List.copyOf(header), iterations, values);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": malformed CSV: " + e.getMessage());
        }
    }

    private static long parseLong(Path file, int line, String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": line " + line + ": iteration '" + s + "' is not a whole number");
        }
    }

    private static double parseDouble(Path file, int line, String column, String s) {
        String t = s.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("+inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("-inf") || t.equalsIgnoreCase("-infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": line " + line + ": " + column + " '" + s + "' is not a number");
        }
    }
}
