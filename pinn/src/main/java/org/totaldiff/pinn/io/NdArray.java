package org.totaldiff.pinn.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

/**
 * An n-dimensional array as NumPy stores it: a dtype, a shape of any rank (rank 0 is a scalar)
 * and the elements in C order. Immutable: factories and accessors copy.
 *
 * <p>Three dtypes: {@link DType#FLOAT64} ({@code '<f8'}), {@link DType#INT64} ({@code '<i8'})
 * and {@link DType#UINT8} ({@code '|u1'}, used for UTF-8 text such as checkpoint metadata).
 */
public final class NdArray {

    /** The element types, with their NumPy descriptor as written. */
    public enum DType {
        /** IEEE double, little-endian: NumPy {@code float64}, {@code '<f8'}. */
        FLOAT64("<f8", 8),
        /** Signed 64-bit integer, little-endian: NumPy {@code int64}, {@code '<i8'}. */
        INT64("<i8", 8),
        /** Unsigned byte: NumPy {@code uint8}, {@code '|u1'}. */
        UINT8("|u1", 1);

        private final String descr;
        private final int bytes;

        DType(String descr, int bytes) {
            this.descr = descr;
            this.bytes = bytes;
        }

        /** The NumPy dtype descriptor written in the header, e.g. {@code "<f8"}. */
        public String descr() {
            return descr;
        }

        /** Bytes per element. */
        public int itemSize() {
            return bytes;
        }
    }

    private final DType dtype;
    private final int[] shape;
    private final double[] doubles;
    private final long[] longs;
    private final byte[] bytes;

    private NdArray(DType dtype, int[] shape, double[] doubles, long[] longs, byte[] bytes) {
        this.dtype = dtype;
        this.shape = shape;
        this.doubles = doubles;
        this.longs = longs;
        this.bytes = bytes;
    }

    /** A float64 array of the given shape (C order); {@code data.length} must be the product of the shape. */
    public static NdArray ofDoubles(double[] data, int... shape) {
        int[] s = checkShape(shape, data.length);
        return new NdArray(DType.FLOAT64, s, data.clone(), null, null);
    }

    /** An int64 array of the given shape (C order). */
    public static NdArray ofLongs(long[] data, int... shape) {
        int[] s = checkShape(shape, data.length);
        return new NdArray(DType.INT64, s, null, data.clone(), null);
    }

    /** A uint8 array of the given shape (C order). */
    public static NdArray ofBytes(byte[] data, int... shape) {
        int[] s = checkShape(shape, data.length);
        return new NdArray(DType.UINT8, s, null, null, data.clone());
    }

    /** A 0-d float64 array. */
    public static NdArray scalar(double value) {
        return new NdArray(DType.FLOAT64, new int[0], new double[] {value}, null, null);
    }

    /** A 0-d int64 array. */
    public static NdArray scalar(long value) {
        return new NdArray(DType.INT64, new int[0], null, new long[] {value}, null);
    }

    /** A 2-d float64 array with the shape and elements of {@code m} (EJML is row-major, as C order). */
    public static NdArray of(DMatrixRMaj m) {
        return new NdArray(DType.FLOAT64, new int[] {m.numRows, m.numCols},
                Arrays.copyOf(m.data, m.getNumElements()), null, null);
    }

    /** A 1-d uint8 array holding the UTF-8 bytes of {@code text}; NumPy: {@code a.tobytes().decode()}. */
    public static NdArray text(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new NdArray(DType.UINT8, new int[] {b.length}, null, null, b);
    }

    /** Used by the reader: takes ownership of the arrays. */
    static NdArray wrap(DType dtype, int[] shape, double[] doubles, long[] longs, byte[] bytes) {
        return new NdArray(dtype, shape, doubles, longs, bytes);
    }

    private static int[] checkShape(int[] shape, int length) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("NdArray: dimensions must be >= 0, got shape "
                        + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("NdArray: shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but the data has " + length);
        }
        return shape.clone();
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The shape (a copy); empty for a 0-d array. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The number of elements (1 for a 0-d array). */
    public int size() {
        switch (dtype) {
            case FLOAT64:
                return doubles.length;
            case INT64:
                return longs.length;
            default:
                return bytes.length;
        }
    }

    /** The elements of a float64 array in C order (a copy). */
    public double[] doubles() {
        requireType(DType.FLOAT64);
        return doubles.clone();
    }

    /** The elements of an int64 array in C order (a copy). */
    public long[] longs() {
        requireType(DType.INT64);
        return longs.clone();
    }

    /** The elements of a uint8 array in C order (a copy). */
    public byte[] bytes() {
        requireType(DType.UINT8);
        return bytes.clone();
    }

    /** The UTF-8 text held by a uint8 array. */
    public String asText() {
        requireType(DType.UINT8);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The value of a float64 array with one element (0-d, or any shape of size 1). */
    public double doubleValue() {
        requireType(DType.FLOAT64);
        requireSingle();
        return doubles[0];
    }

    /** The value of an int64 array with one element (0-d, or any shape of size 1). */
    public long longValue() {
        requireType(DType.INT64);
        requireSingle();
        return longs[0];
    }

    /** A new DMatrixRMaj with the shape and elements of a 2-d float64 array. */
    public DMatrixRMaj toMatrix() {
        requireType(DType.FLOAT64);
        if (shape.length != 2) {
            throw new IllegalArgumentException("NdArray.toMatrix: a matrix needs a 2-d array, got shape "
                    + shapeString(shape));
        }
        return new DMatrixRMaj(shape[0], shape[1], true, doubles);
    }

    private void requireType(DType expected) {
        if (dtype != expected) {
            throw new IllegalArgumentException("NdArray: expected a " + expected + " (" + expected.descr()
                    + ") array, got " + dtype + " (" + dtype.descr() + ") of shape " + shapeString(shape));
        }
    }

    private void requireSingle() {
        if (size() != 1) {
            throw new IllegalArgumentException("NdArray: expected a single value, got shape " + shapeString(shape));
        }
    }

    /** NumPy's spelling of a shape: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Same dtype, shape and bits of every element. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NdArray other) || dtype != other.dtype || !Arrays.equals(shape, other.shape)) {
            return false;
        }
        switch (dtype) {
            case FLOAT64:
                for (int i = 0; i < doubles.length; i++) {
                    if (Double.doubleToRawLongBits(doubles[i]) != Double.doubleToRawLongBits(other.doubles[i])) {
                        return false;
                    }
                }
                return true;
            case INT64:
                return Arrays.equals(longs, other.longs);
            default:
                return Arrays.equals(bytes, other.bytes);
        }
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NdArray(" + dtype.descr() + ", shape " + shapeString(shape) + ")";
    }
}
