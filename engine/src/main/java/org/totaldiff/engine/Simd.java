package org.totaldiff.engine;

/**
 * Whether the JDK Vector API ({@code jdk.incubator.vector}) is in use.
 *
 * <p>The Vector API is an incubator module: it is only resolved when the JVM is started with
 * {@code --add-modules jdk.incubator.vector}. Code that embeds the engine without that flag
 * (an IDE run, another build) still works: the kernels fall back to plain scalar loops. The
 * vector classes live in {@code org.totaldiff.engine.simd} and are loaded only after this
 * check succeeds, so they can never fail to link. The system property
 * {@code totaldiff.simd=false} forces the scalar loops (for tests and comparisons).
 */
public final class Simd {

    private static final boolean AVAILABLE = detect();

    private Simd() {
    }

    /** True when the kernels run on the Vector API, false when they run on scalar loops. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** A one-line description for logs and run manifests, e.g. "Vector API, 8 doubles per vector". */
    public static String describe() {
        if (!AVAILABLE) {
            return "scalar loops (start the JVM with --add-modules jdk.incubator.vector for the Vector API)";
        }
        return "Vector API, " + Loops.get().vectorLength() + " doubles per vector";
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("totaldiff.simd", "true").trim())) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Instantiates {@code org.totaldiff.engine.simd.<simpleName>} if the Vector API is available. */
    static <T> T load(String simpleName, Class<T> type, T fallback) {
        if (!AVAILABLE) {
            return fallback;
        }
        try {
            Class<?> c = Class.forName("org.totaldiff.engine.simd." + simpleName);
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return fallback;
        }
    }
}
