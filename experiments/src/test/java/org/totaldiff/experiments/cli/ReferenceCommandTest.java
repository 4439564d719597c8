package org.totaldiff.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.pinn.problem.GridValues;
import picocli.CommandLine;

class ReferenceCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesTheGridAsCsvAndAPlot(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("ref/h.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "reference", "helmholtz", "--a1", "1", "--a2", "2", "--grid", "9", "--out",
                csv.toString()), err.toString());
        GridValues values = GridValues.readCsv(csv);
        assertEquals(81, values.grid().size());
        // u = sin(pi x) sin(2 pi y) at grid point (x = -0.5, y = 0.25): indices 2 and 5
        assertEquals(Math.sin(-0.5 * Math.PI) * Math.sin(0.5 * Math.PI), values.value(2, 5), 1e-15);
        assertTrue(Files.size(tmp.resolve("ref/h.png")) > 1000);
        assertEquals(2, run(err, "reference", "helmholtz", "--out", csv.toString()), "no overwrite without --force");
    }

    @Test
    void allenCahnIsWrittenOnItsSolverGrid(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("ac.csv");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "reference", "allen-cahn", "--out", csv.toString()), err.toString());
        GridValues values = GridValues.readCsv(csv);
        assertEquals(512, values.grid().count(0));
        assertEquals(201, values.grid().count(1));
        assertEquals(-1 + 2.0 * 3 / 512, values.grid().axis(0)[3], 1e-15);
        assertEquals(0.005 * 7, values.grid().axis(1)[7], 1e-15);
        assertEquals("x", values.grid().names().get(0));
    }

    @Test
    void badInputIsOneLine(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "reference", "burgers", "--grid", "1", "--out", tmp.resolve("a.csv").toString()));
        assertEquals("totaldiff: --grid must be >= 2, got 1", err.toString().strip());
    }
}
