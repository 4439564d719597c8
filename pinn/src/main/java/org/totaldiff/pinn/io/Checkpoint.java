package org.totaldiff.pinn.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;
import org.totaldiff.pinn.optim.OptimizerState;

/**
 * A training checkpoint: the iteration, the named parameters, the optimizer's state, extra
 * named arrays (RBA weights, RNG seeds, ...) and string metadata, saved as one {@code .npz}
 * file written atomically. Every double is stored bit for bit, so a run restored from a
 * checkpoint continues exactly as the run that never stopped.
 *
 * <p>Entries of the file, in this order (NumPy: {@code z = np.load(f)}; {@code z[name]}):
 * <pre>
 *   checkpoint/version         int64 ()        format version, {@value #FORMAT_VERSION}
 *   checkpoint/iteration       int64 ()        completed iterations
 *   param/&lt;name&gt;               float64 (r, c)  each parameter, in order
 *   optimizer/kind             uint8 (n,)      UTF-8 name of the optimizer ("adam", "lbfgs"); absent if none
 *   optimizer/scalar/&lt;name&gt;     float64 ()      each scalar of its state
 *   optimizer/array/&lt;name&gt;      float64 (r, c)  each array of its state
 *   extra/&lt;name&gt;               any dtype       each extra array
 *   meta                       uint8 (n,)      UTF-8 "key=value" lines
 * </pre>
 * Metadata keys are non-empty and hold neither '=' nor a line break; in values a backslash, a
 * line feed and a carriage return are written {@code \\}, {@code \n} and {@code \r}. NumPy:
 * {@code dict(l.split('=', 1) for l in z['meta'].tobytes().decode().split('\n') if l)}.
 *
 * <p>Immutable: the constructor copies, and the accessors return copies.
 */
public final class Checkpoint {

    /** The version written to {@code checkpoint/version}. */
    public static final int FORMAT_VERSION = 1;

    static final String VERSION = "checkpoint/version";
    static final String ITERATION = "checkpoint/iteration";
    static final String PARAM = "param/";
    static final String OPTIMIZER_KIND = "optimizer/kind";
    static final String OPTIMIZER_SCALAR = "optimizer/scalar/";
    static final String OPTIMIZER_ARRAY = "optimizer/array/";
    static final String EXTRA = "extra/";
    static final String META = "meta";

    private final int iteration;
    private final Map<String, DMatrixRMaj> parameters;
    private final OptimizerState optimizer;
    private final Map<String, NdArray> extras;
    private final Map<String, String> metadata;

    /**
     * @param iteration completed iterations, {@code >= 0}
     * @param parameters the parameters by name, in order (copied); at least one
     * @param optimizer the optimizer's state, or null if there is none
     * @param extras extra arrays by name (may be empty)
     * @param metadata string metadata (may be empty)
     */
    public Checkpoint(int iteration, Map<String, DMatrixRMaj> parameters, OptimizerState optimizer,
            Map<String, NdArray> extras, Map<String, String> metadata) {
        if (iteration < 0) {
            throw new IllegalArgumentException("Checkpoint: iteration must be >= 0, got " + iteration);
        }
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException("Checkpoint: at least one parameter is needed");
        }
        this.iteration = iteration;
        LinkedHashMap<String, DMatrixRMaj> p = new LinkedHashMap<>();
        parameters.forEach((name, m) -> {
            checkName("parameter", name);
            if (m == null) {
                throw new IllegalArgumentException("Checkpoint: parameter '" + name + "' is null");
            }
            p.put(name, m.copy());
        });
        this.parameters = Collections.unmodifiableMap(p);
        this.optimizer = optimizer;
        LinkedHashMap<String, NdArray> e = new LinkedHashMap<>();
        if (extras != null) {
            extras.forEach((name, a) -> {
                checkName("extra array", name);
                if (a == null) {
                    throw new IllegalArgumentException("Checkpoint: extra array '" + name + "' is null");
                }
                e.put(name, a);
            });
        }
        this.extras = Collections.unmodifiableMap(e);
        LinkedHashMap<String, String> md = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (key == null || key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0
                        || key.indexOf('\r') >= 0) {
                    throw new IllegalArgumentException("Checkpoint: metadata key '" + key
                            + "' must be non-empty and hold neither '=' nor a line break");
                }
                if (value == null) {
                    throw new IllegalArgumentException("Checkpoint: metadata value of '" + key + "' is null");
                }
                md.put(key, value);
            });
        }
        this.metadata = Collections.unmodifiableMap(md);
    }

    /**
     * A checkpoint of an ordered parameter list, named {@code "0"}, {@code "1"}, ... in list order.
     *
     * @param optimizer the optimizer's state, or null
     */
    public static Checkpoint of(int iteration, List<DMatrixRMaj> parameters, OptimizerState optimizer,
            Map<String, NdArray> extras, Map<String, String> metadata) {
        if (parameters == null) {
            throw new IllegalArgumentException("Checkpoint: parameters is null");
        }
        LinkedHashMap<String, DMatrixRMaj> named = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            named.put(Integer.toString(i), parameters.get(i));
        }
        return new Checkpoint(iteration, named, optimizer, extras, metadata);
    }

    private static void checkName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Checkpoint: " + what + " names must be non-empty");
        }
    }

    /** Completed iterations. */
    public int iteration() {
        return iteration;
    }

    /** The parameters by name, in order, as copies. */
    public Map<String, DMatrixRMaj> parameters() {
        LinkedHashMap<String, DMatrixRMaj> copy = new LinkedHashMap<>();
        parameters.forEach((name, m) -> copy.put(name, m.copy()));
        return copy;
    }

    /** The parameters in order, as copies. */
    public List<DMatrixRMaj> parameterList() {
        List<DMatrixRMaj> list = new ArrayList<>(parameters.size());
        parameters.values().forEach(m -> list.add(m.copy()));
        return list;
    }

    /**
     * Copies the saved parameters, in order, into {@code params} (e.g. the matrices of a freshly
     * built network).
     *
     * @param params Modified. As many matrices as saved parameters, with the same shapes.
     */
    public void copyParametersInto(List<DMatrixRMaj> params) {
        if (params == null || params.size() != parameters.size()) {
            throw new IllegalArgumentException("Checkpoint.copyParametersInto: the checkpoint holds "
                    + parameters.size() + " parameters " + parameters.keySet() + " but "
                    + (params == null ? "null" : params.size()) + " matrices were passed");
        }
        int i = 0;
        for (Map.Entry<String, DMatrixRMaj> e : parameters.entrySet()) {
            DMatrixRMaj src = e.getValue();
            DMatrixRMaj dst = params.get(i);
            if (dst == null || dst.numRows != src.numRows || dst.numCols != src.numCols) {
                throw new IllegalArgumentException("Checkpoint.copyParametersInto: parameter '" + e.getKey()
                        + "' is " + Dense.shape(src) + " but params[" + i + "] is "
                        + (dst == null ? "null" : Dense.shape(dst)));
            }
            System.arraycopy(src.data, 0, dst.data, 0, src.getNumElements());
            i++;
        }
    }

    /** The optimizer's state, if one was saved. */
    public Optional<OptimizerState> optimizer() {
        return Optional.ofNullable(optimizer);
    }

    /** The extra arrays by name, in order (unmodifiable; the arrays are immutable). */
    public Map<String, NdArray> extras() {
        return extras;
    }

    /** One extra array; IllegalArgumentException naming the available ones if absent. */
    public NdArray extra(String name) {
        NdArray a = extras.get(name);
        if (a == null) {
            throw new IllegalArgumentException("Checkpoint: no extra array '" + name + "'; it holds "
                    + extras.keySet());
        }
        return a;
    }

    /** The metadata, in order (unmodifiable). */
    public Map<String, String> metadata() {
        return metadata;
    }

    // ------------------------------------------------------------------ files

    /** Writes this checkpoint to {@code file}, atomically. */
    public void save(Path file) throws IOException {
        Npz.write(file, toArchive());
    }

    /**
     * Reads a checkpoint written by {@link #save}.
     *
     * @throws IllegalArgumentException if the file is not such a checkpoint
     */
    public static Checkpoint load(Path file) throws IOException {
        return fromArchive(Npz.read(file));
    }

    /** The archive {@link #save} writes. */
    public NpzArchive toArchive() {
        NpzArchive z = new NpzArchive();
        z.putLong(VERSION, FORMAT_VERSION);
        z.putLong(ITERATION, iteration);
        parameters.forEach((name, m) -> z.put(PARAM + name, m));
        if (optimizer != null) {
            z.putText(OPTIMIZER_KIND, optimizer.kind());
            optimizer.scalars().forEach((name, v) -> z.putScalar(OPTIMIZER_SCALAR + name, v));
            optimizer.arrays().forEach((name, m) -> z.put(OPTIMIZER_ARRAY + name, m));
        }
        extras.forEach((name, a) -> z.put(EXTRA + name, a));
        StringBuilder meta = new StringBuilder();
        metadata.forEach((key, value) -> meta.append(key).append('=').append(escape(value)).append('\n'));
        z.putText(META, meta.toString());
        return z;
    }

    /** The checkpoint held by an archive in the layout of {@link #toArchive()}. */
    public static Checkpoint fromArchive(NpzArchive z) {
        String where = z.source().map(Path::toString).orElse("checkpoint archive");
        if (!z.contains(VERSION) || !z.contains(ITERATION)) {
            throw new IllegalArgumentException(where + ": not a totaldiff checkpoint: it lacks '" + VERSION
                    + "' or '" + ITERATION + "'; it holds " + z.names());
        }
        long version = z.longScalar(VERSION);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(where + ": checkpoint format version " + version
                    + " is not supported; expected " + FORMAT_VERSION);
        }
        long it = z.longScalar(ITERATION);
        if (it < 0 || it > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": array '" + ITERATION + "' must be in [0, "
                    + Integer.MAX_VALUE + "], got " + it);
        }
        LinkedHashMap<String, DMatrixRMaj> params = new LinkedHashMap<>();
        LinkedHashMap<String, Double> scalars = new LinkedHashMap<>();
        LinkedHashMap<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        LinkedHashMap<String, NdArray> extras = new LinkedHashMap<>();
        for (String name : z.names()) {
            if (name.startsWith(PARAM)) {
                params.put(name.substring(PARAM.length()), z.matrix(name));
            } else if (name.startsWith(OPTIMIZER_SCALAR)) {
                scalars.put(name.substring(OPTIMIZER_SCALAR.length()), z.scalar(name));
            } else if (name.startsWith(OPTIMIZER_ARRAY)) {
                arrays.put(name.substring(OPTIMIZER_ARRAY.length()), z.matrix(name));
            } else if (name.startsWith(EXTRA)) {
                extras.put(name.substring(EXTRA.length()), z.get(name));
            } else if (!name.equals(VERSION) && !name.equals(ITERATION) && !name.equals(OPTIMIZER_KIND)
                    && !name.equals(META)) {
                throw new IllegalArgumentException(where + ": unexpected array '" + name
                        + "' in a checkpoint; expected param/*, optimizer/*, extra/* or meta");
            }
        }
        OptimizerState state = null;
        if (z.contains(OPTIMIZER_KIND)) {
            state = new OptimizerState(z.text(OPTIMIZER_KIND), scalars, arrays);
        } else if (!scalars.isEmpty() || !arrays.isEmpty()) {
            throw new IllegalArgumentException(where + ": optimizer arrays without '" + OPTIMIZER_KIND + "'");
        }
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        if (z.contains(META)) {
            for (String line : z.text(META).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(where + ": array '" + META + "': line '" + line
                            + "' is not key=value");
                }
                metadata.put(line.substring(0, eq), unescape(line.substring(eq + 1), where));
            }
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException(where + ": the checkpoint holds no param/* arrays");
        }
        return new Checkpoint((int) it, params, state, extras, metadata);
    }

    private static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(String value, String where) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i == value.length()) {
                throw new IllegalArgumentException(where + ": array '" + META + "': dangling backslash in '"
                        + value + "'");
            }
            char e = value.charAt(i);
            switch (e) {
                case '\\':
                    sb.append('\\');
                    break;
                case 'n':
                    sb.append('\n');
                    break;
                case 'r':
                    sb.append('\r');
                    break;
                default:
                    throw new IllegalArgumentException(where + ": array '" + META + "': unknown escape \\" + e
                            + " in '" + value + "'; expected \\\\, \\n or \\r");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Checkpoint(iteration " + iteration + ", parameters " + parameters.keySet() + ", optimizer "
                + (optimizer == null ? "none" : optimizer.kind()) + ", extras " + extras.keySet() + ", metadata "
                + metadata.keySet() + ")";
    }
}
