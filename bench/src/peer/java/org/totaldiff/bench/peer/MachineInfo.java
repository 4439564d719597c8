package org.totaldiff.bench.peer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.totaldiff.experiments.io.RuntimeInfo;

/** The header of a result file: machine, both runtimes and their thread counts; memory and load. */
final class MachineInfo {

    private MachineInfo() {
    }

    static void print(PrintStream out, Engine torch) {
        RuntimeInfo ours = RuntimeInfo.current();
        out.println("date        " + Instant.now());
        out.println("cpu         " + cpuModel() + ", " + ours.cores() + " processors, " + cpuFlags());
        out.println("memory      " + procLine("/proc/meminfo", "MemTotal:").replaceAll("\\s+", " "));
        out.println("load        " + loadAverage() + " (1, 5, 15 min; a shared 2-vCPU VM)");
        out.println("java        " + ours.vm() + " " + ours.java() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        out.println("totaldiff   " + ours.totaldiff() + ", " + ours.kernels() + ", vector API " + ours.vectorApi()
                + ", " + ours.threads() + " threads");
        out.println("libtorch    " + torch.getVersion() + " via DJL " + Engine.getDjlVersion() + ", intra-op threads "
                + JniUtils.getNumThreads() + ", inter-op threads " + JniUtils.getNumInteropThreads() + ", features "
                + JniUtils.getFeatures());
    }

    /** One line: the resident and peak memory of this process (JVM heap and libtorch together). */
    static String memory() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "memory: resident %s, peak %s (JVM heap in use %d MiB)",
                procLine("/proc/self/status", "VmRSS:").replaceAll("VmRSS:\\s+", ""),
                procLine("/proc/self/status", "VmHWM:").replaceAll("VmHWM:\\s+", ""),
                (rt.totalMemory() - rt.freeMemory()) / (1 << 20));
    }

    /** The resident memory of this process in MiB (-1 if unknown). */
    static long residentMiB() {
        String line = procLine("/proc/self/status", "VmRSS:");
        try {
            return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        String line = procLine("/proc/cpuinfo", "model name");
        int colon = line.indexOf(':');
        return colon < 0 ? "unknown cpu" : line.substring(colon + 1).trim();
    }

    private static String cpuFlags() {
        String line = " " + procLine("/proc/cpuinfo", "flags") + " ";
        StringBuilder sb = new StringBuilder("flags");
        for (String f : List.of("avx2", "fma", "avx512f", "avx512_vnni", "amx_tile")) {
            if (line.contains(" " + f + " ")) {
                sb.append(' ').append(f);
            }
        }
        return sb.toString();
    }

    private static String procLine(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(prefix)) {
                    return line.trim();
                }
            }
        } catch (IOException e) {
            // not Linux: say so below
        }
        return prefix + " unknown";
    }
}
