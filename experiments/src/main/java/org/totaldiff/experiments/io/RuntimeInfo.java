package org.totaldiff.experiments.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.totaldiff.engine.Parallel;
import org.totaldiff.engine.Simd;

/**
 * The software and machine a run executes on, as recorded in {@code run.json} and printed by
 * {@code totaldiff info}.
 *
 * @param totaldiff  version of totaldiff (the Maven project version)
 * @param java       Java runtime version, e.g. "17.0.15"
 * @param vm         vendor and virtual machine, e.g. "Debian, OpenJDK 64-Bit Server VM"
 * @param os         operating system and architecture, e.g. "Linux 6.1.0 amd64"
 * @param vectorApi  true when the kernels run on the JDK Vector API
 * @param kernels    the engine's one-line description of its kernels ({@link Simd#describe()})
 * @param threads    number of threads the kernels use ({@link Parallel#threads()})
 * @param cores      number of processors available to the JVM
 */
public record RuntimeInfo(String totaldiff, String java, String vm, String os, boolean vectorApi,
                          String kernels, int threads, int cores) {

    private static final String VERSION_RESOURCE = "/org/totaldiff/experiments/version.properties";

    /** The facts of the running JVM, with the thread count in force now. */
    public static RuntimeInfo current() {
        return new RuntimeInfo(
                version(),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Simd.available(),
                Simd.describe(),
                Parallel.threads(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Version of totaldiff: from the build's filtered resource, else from the jar manifest's
     * {@code Implementation-Version}, else "unknown".
     */
    public static String version() {
        try (InputStream in = RuntimeInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall back to the manifest below
        }
        String v = RuntimeInfo.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
