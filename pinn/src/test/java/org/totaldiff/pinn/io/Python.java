package org.totaldiff.pinn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs python3 scripts for interop tests; they are skipped where python3 with numpy is absent. */
final class Python {

    private static Boolean available;

    private Python() {
    }

    /** True if {@code python3 -c "import numpy"} succeeds. */
    static synchronized boolean hasNumpy() {
        if (available == null) {
            try {
                available = run(null, "import numpy").exitCode == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code python3 -c script} in {@code dir} (or the current directory), with its output captured. */
    static Result run(Path dir, String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of("python3", "-c", script)).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "python3 did not finish\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted\n" + out);
        }
        return new Result(p.exitValue(), out);
    }
}
