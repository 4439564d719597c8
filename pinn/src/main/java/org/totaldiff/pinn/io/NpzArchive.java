package org.totaldiff.pinn.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;

/**
 * The arrays of one {@code .npz} file: names mapped to {@link NdArray}s, in insertion (file)
 * order. Build one and {@link Npz#write} it, or {@link Npz#read} one and take its arrays out
 * with the typed getters, whose errors name the file, the array and what was expected.
 */
public final class NpzArchive {

    private final Map<String, NdArray> arrays = new LinkedHashMap<>();
    private final Path source;

    /** An empty archive. */
    public NpzArchive() {
        this(null);
    }

    NpzArchive(Path source) {
        this.source = source;
    }

    /** The file this archive was read from, if any. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** Adds (or replaces) an array. Names are non-empty; NumPy sees them as the keys of {@code np.load(f)}. */
    public NpzArchive put(String name, NdArray array) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(where() + "array names must be non-empty");
        }
        if (array == null) {
            throw new IllegalArgumentException(where() + "array '" + name + "' is null");
        }
        arrays.put(name, array);
        return this;
    }

    /** Adds a 2-d float64 array copied from {@code m}. */
    public NpzArchive put(String name, DMatrixRMaj m) {
        return put(name, NdArray.of(m));
    }

    /** Adds a float64 array of the given shape. */
    public NpzArchive putDoubles(String name, double[] data, int... shape) {
        return put(name, NdArray.ofDoubles(data, shape));
    }

    /** Adds a 0-d float64 array. */
    public NpzArchive putScalar(String name, double value) {
        return put(name, NdArray.scalar(value));
    }

    /** Adds a 0-d int64 array. */
    public NpzArchive putLong(String name, long value) {
        return put(name, NdArray.scalar(value));
    }

    /** Adds UTF-8 text as a 1-d uint8 array. */
    public NpzArchive putText(String name, String text) {
        return put(name, NdArray.text(text));
    }

    /** Removes an array; returns it, or null if there was none. */
    public NdArray remove(String name) {
        return arrays.remove(name);
    }

    /** True if the archive holds an array of that name. */
    public boolean contains(String name) {
        return arrays.containsKey(name);
    }

    /** The names, in order (unmodifiable view). */
    public Set<String> names() {
        return Collections.unmodifiableSet(arrays.keySet());
    }

    /** The number of arrays. */
    public int size() {
        return arrays.size();
    }

    /** The array of that name. */
    public NdArray get(String name) {
        NdArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException(where() + "no array '" + name + "'; the archive holds "
                    + arrays.keySet());
        }
        return a;
    }

    /** A 2-d float64 array as a new matrix. */
    public DMatrixRMaj matrix(String name) {
        try {
            return get(name).toMatrix();
        } catch (IllegalArgumentException e) {
            throw named(name, e);
        }
    }

    /** The elements of a float64 array. */
    public double[] doubles(String name) {
        try {
            return get(name).doubles();
        } catch (IllegalArgumentException e) {
            throw named(name, e);
        }
    }

    /** The elements of an int64 array. */
    public long[] longs(String name) {
        try {
            return get(name).longs();
        } catch (IllegalArgumentException e) {
            throw named(name, e);
        }
    }

    /** The value of a one-element float64 array. */
    public double scalar(String name) {
        try {
            return get(name).doubleValue();
        } catch (IllegalArgumentException e) {
            throw named(name, e);
        }
    }

    /** The value of a one-element int64 array. */
    public long longScalar(String name) {
        try {
            return get(name).longValue();
        } catch (IllegalArgumentException e) {
            throw named(name, e);
        }
    }

    /** The UTF-8 text of a uint8 array. */
    public String text(String name) {
        try {
            return get(name).asText();
        } catch (IllegalArgumentException e) {
            throw named(name, e);
        }
    }

    private IllegalArgumentException named(String name, IllegalArgumentException e) {
        if (!arrays.containsKey(name)) {
            return e;
        }
        return new IllegalArgumentException(where() + "array '" + name + "': " + e.getMessage(), e);
    }

    private String where() {
        return source == null ? "npz archive: " : source + ": ";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NpzArchive(");
        if (source != null) {
            sb.append(source).append(", ");
        }
        sb.append('{');
        String sep = "";
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ").append(e.getValue().dtype().descr()).append(' ')
                    .append(NdArray.shapeString(e.getValue().shape()));
            sep = ", ";
        }
        return sb.append("})").toString();
    }
}
