package org.totaldiff.pinn.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

/**
 * The whole state of an optimizer as plain data, so a checkpoint can store it losslessly:
 * a kind (which optimizer wrote it, e.g. {@code "adam"}), named scalars and named arrays, each
 * kept in insertion order. Restoring a state into a fresh optimizer of the same kind and
 * configuration, then stepping, gives bit for bit the run that never stopped.
 *
 * <p>Immutable: the constructor and the accessors copy the arrays.
 */
public final class OptimizerState {

    private final String kind;
    private final Map<String, Double> scalars;
    private final Map<String, DMatrixRMaj> arrays;

    /**
     * @param kind the optimizer that wrote the state, non-empty
     * @param scalars named scalars (copied)
     * @param arrays named arrays (deep-copied)
     */
    public OptimizerState(String kind, Map<String, Double> scalars, Map<String, DMatrixRMaj> arrays) {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("OptimizerState: kind must be a non-empty name such as \"adam\", got "
                    + (kind == null ? "null" : "\"\""));
        }
        this.kind = kind;
        LinkedHashMap<String, Double> s = new LinkedHashMap<>();
        scalars.forEach((name, value) -> s.put(checkName(name), value));
        LinkedHashMap<String, DMatrixRMaj> a = new LinkedHashMap<>();
        arrays.forEach((name, value) -> a.put(checkName(name), value.copy()));
        this.scalars = Collections.unmodifiableMap(s);
        this.arrays = Collections.unmodifiableMap(a);
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("OptimizerState: entry names must be non-empty");
        }
        return name;
    }

    /** Which optimizer wrote this state, e.g. {@code "adam"} or {@code "lbfgs"}. */
    public String kind() {
        return kind;
    }

    /** The named scalars, in insertion order (unmodifiable). */
    public Map<String, Double> scalars() {
        return scalars;
    }

    /** The names of the arrays, in insertion order. */
    public java.util.Set<String> arrayNames() {
        return arrays.keySet();
    }

    /** The named arrays, in insertion order, as copies. */
    public Map<String, DMatrixRMaj> arrays() {
        LinkedHashMap<String, DMatrixRMaj> copy = new LinkedHashMap<>();
        arrays.forEach((name, value) -> copy.put(name, value.copy()));
        return copy;
    }

    /** A copy of one array; IllegalArgumentException naming the available arrays if absent. */
    public DMatrixRMaj array(String name) {
        DMatrixRMaj a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("OptimizerState(" + kind + "): no array \"" + name + "\"; it has "
                    + arrays.keySet());
        }
        return a.copy();
    }

    /** One scalar; IllegalArgumentException naming the available scalars if absent. */
    public double scalar(String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("OptimizerState(" + kind + "): no scalar \"" + name + "\"; it has "
                    + scalars.keySet());
        }
        return v;
    }

    /** Checks that this state was written by {@code expected}; IllegalArgumentException if not. */
    public OptimizerState requireKind(String expected) {
        if (!kind.equals(expected)) {
            throw new IllegalArgumentException("restore: the state was written by \"" + kind
                    + "\", cannot restore it into \"" + expected + "\"");
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState other) || !kind.equals(other.kind) || !scalars.equals(other.scalars)
                || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, DMatrixRMaj> e : arrays.entrySet()) {
            DMatrixRMaj a = e.getValue();
            DMatrixRMaj b = other.arrays.get(e.getKey());
            if (a.numRows != b.numRows || a.numCols != b.numCols) {
                return false;
            }
            for (int i = 0; i < a.getNumElements(); i++) {
                if (Double.doubleToRawLongBits(a.data[i]) != Double.doubleToRawLongBits(b.data[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + scalars.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("OptimizerState(").append(kind).append(", scalars=").append(scalars)
                .append(", arrays={");
        String sep = "";
        for (Map.Entry<String, DMatrixRMaj> e : arrays.entrySet()) {
            sb.append(sep).append(e.getKey()).append(": ").append(e.getValue().numRows).append('x')
                    .append(e.getValue().numCols);
            sep = ", ";
        }
        return sb.append("})").toString();
    }
}
