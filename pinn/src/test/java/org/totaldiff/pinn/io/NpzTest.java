package org.totaldiff.pinn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    private static NpzArchive sample() {
        return new NpzArchive()
                .put("w", new DMatrixRMaj(2, 3, true, 1.5, -2, 3, Math.PI, -0.0, 1e-300))
                .putDoubles("cube", new double[] {0, 1, 2, 3, 4, 5, 6, 7, Double.NaN, Double.POSITIVE_INFINITY,
                    Double.MIN_VALUE, -Double.MAX_VALUE}, 2, 3, 2)
                .put("ids", NdArray.ofLongs(new long[] {Long.MIN_VALUE, -1, 0, 42, Long.MAX_VALUE}, 5))
                .putScalar("lr", 1e-3)
                .putLong("iteration", 5000)
                .putDoubles("empty", new double[0], 0, 4)
                .putText("note", "héllo = wörld\nsecond line");
    }

    @Test
    void roundTripsEveryKindOfArray() throws IOException {
        Path f = dir.resolve("sample.npz");
        NpzArchive written = sample();
        Npz.write(f, written);
        NpzArchive read = Npz.read(f);
        assertEquals(List.copyOf(written.names()), List.copyOf(read.names()));
        for (String name : written.names()) {
            assertEquals(written.get(name), read.get(name), name);
        }
        assertEquals(1e-3, read.scalar("lr"), 0.0);
        assertEquals(5000, read.longScalar("iteration"));
        assertEquals("héllo = wörld\nsecond line", read.text("note"));
        assertArrayEquals(new int[0], read.get("lr").shape());
        DMatrixRMaj w = read.matrix("w");
        assertEquals(2, w.numRows);
        assertEquals(Math.PI, w.get(1, 0), 0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(w.get(1, 1)));
        assertEquals(f, read.source().orElseThrow());
    }

    @Test
    void theSameArraysGiveTheSameBytes() throws IOException {
        Npz.write(dir.resolve("a.npz"), sample());
        Npz.write(dir.resolve("b.npz"), sample());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void npyHeaderIsFormat10AlignedTo64Bytes() {
        byte[] npy = Npz.toNpy(NdArray.ofDoubles(new double[] {1, 2, 3}, 3));
        assertEquals((byte) 0x93, npy[0]);
        assertEquals("NUMPY", new String(npy, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, npy[6]);
        assertEquals(0, npy[7]);
        int headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(npy, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 24, npy.length);
    }

    @Test
    void writingReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("sub").resolve("x.npz");
        Npz.write(f, new NpzArchive().putScalar("a", 1));
        Npz.write(f, new NpzArchive().putScalar("a", 2));
        assertEquals(2, Npz.read(f).scalar("a"), 0.0);
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
        // a failing writer leaves the old file and no temporary file
        assertThrows(IOException.class, () -> Npz.writeAtomically(f, out -> {
            out.write(1);
            throw new IOException("disk full");
        }));
        assertEquals(2, Npz.read(f).scalar("a"), 0.0);
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void singleNpyFilesRoundTrip() throws IOException {
        Path f = dir.resolve("a.npy");
        NdArray a = NdArray.ofLongs(new long[] {1, 2, 3, 4, 5, 6}, 3, 1, 2);
        Npz.writeNpy(f, a);
        assertEquals(a, Npz.readNpy(f));
    }

    @Test
    void corruptFilesNameTheFileAndWhatIsWrong() throws IOException {
        Path notZip = dir.resolve("not-a-zip.npz");
        Files.writeString(notZip, "hello");
        expect(() -> Npz.read(notZip), notZip.toString(), "not a valid .npz");

        // a truncated array: cut the data of a .npy file short
        byte[] npy = Npz.toNpy(NdArray.ofDoubles(new double[] {1, 2, 3, 4}, 2, 2));
        Path truncated = dir.resolve("truncated.npy");
        Files.write(truncated, java.util.Arrays.copyOf(npy, npy.length - 3));
        expect(() -> Npz.readNpy(truncated), truncated.toString(), "needs 32 bytes of data, found 29 (truncated)");

        Path noMagic = dir.resolve("nomagic.npy");
        byte[] bad = npy.clone();
        bad[1] = 'X';
        Files.write(noMagic, bad);
        expect(() -> Npz.readNpy(noMagic), noMagic.toString(), "magic");

        // a truncated zip
        Path zip = dir.resolve("cut.npz");
        Npz.write(zip, sample());
        byte[] zipBytes = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(zipBytes, zipBytes.length / 2));
        expect(() -> Npz.read(zip), zip.toString(), "");
    }

    @Test
    void wrongDtypesAndMissingArraysNameTheFileTheArrayAndTheExpectation() throws IOException {
        Path f = dir.resolve("typed.npz");
        Npz.write(f, sample());
        NpzArchive z = Npz.read(f);
        expect(() -> z.matrix("ids"), f.toString(), "array 'ids'", "FLOAT64");
        expect(() -> z.matrix("cube"), f.toString(), "array 'cube'", "2-d", "(2, 3, 2)");
        expect(() -> z.longScalar("lr"), f.toString(), "array 'lr'", "INT64");
        expect(() -> z.scalar("w"), f.toString(), "array 'w'", "single value");
        expect(() -> z.get("nope"), f.toString(), "no array 'nope'", "[w, cube");

        // a float32 array, as numpy would write it
        byte[] npy = Npz.toNpy(NdArray.ofDoubles(new double[] {1}, 1));
        String s = new String(npy, StandardCharsets.ISO_8859_1).replace("'<f8'", "'<f4'");
        Path f4 = dir.resolve("f4.npy");
        Files.write(f4, s.substring(0, s.length() - 8).concat("\0\0\u0080?").getBytes(StandardCharsets.ISO_8859_1));
        expect(() -> Npz.readNpy(f4), f4.toString(), "unsupported dtype '<f4'", "'<f8'");
    }

    @Test
    void badArgumentsAreRejected() {
        expect(() -> NdArray.ofDoubles(new double[3], 2, 2), "shape [2, 2] holds 4 elements but the data has 3");
        expect(() -> NdArray.ofDoubles(new double[0], -1), "dimensions must be >= 0");
        expect(() -> new NpzArchive().put("", NdArray.scalar(1.0)), "non-empty");
    }

    @Test
    void numpyReadsWhatJavaWrites() throws IOException {
        Assumptions.assumeTrue(Python.hasNumpy(), "python3 with numpy is not available; skipping numpy interop");
        Npz.write(dir.resolve("java.npz"), sample());
        String script = String.join("\n",
                "import numpy as np, math",
                "z = np.load('java.npz')",
                "assert list(z.keys()) == ['w', 'cube', 'ids', 'lr', 'iteration', 'empty', 'note'], list(z.keys())",
                "w = z['w']",
                "assert w.dtype == np.float64 and w.shape == (2, 3) and w.flags['C_CONTIGUOUS']",
                "assert w.tolist()[0] == [1.5, -2.0, 3.0] and w[1, 0] == math.pi and w[1, 2] == 1e-300",
                "assert math.copysign(1, w[1, 1]) == -1",
                "c = z['cube']",
                "assert c.shape == (2, 3, 2) and c[0, 2, 1] == 5 and math.isnan(c[1, 1, 0]) and c[1, 1, 1] == math.inf",
                "assert c[1, 2, 0] == 5e-324 and c[1, 2, 1] == -1.7976931348623157e308",
                "i = z['ids']",
                "assert i.dtype == np.int64 and i.tolist() == [-2**63, -1, 0, 42, 2**63 - 1]",
                "assert z['lr'].shape == () and z['lr'].dtype == np.float64 and float(z['lr']) == 1e-3",
                "assert z['iteration'].shape == () and z['iteration'].dtype == np.int64 and int(z['iteration']) == 5000",
                "assert z['empty'].shape == (0, 4)",
                "assert z['note'].dtype == np.uint8 and z['note'].tobytes().decode() == 'h\\u00e9llo = w\\u00f6rld\\nsecond line'",
                "print('ok')");
        Python.Result r = Python.run(dir, script);
        assertEquals(0, r.exitCode(), r.output());
    }

    @Test
    void javaReadsWhatNumpyWrites() throws IOException {
        Assumptions.assumeTrue(Python.hasNumpy(), "python3 with numpy is not available; skipping numpy interop");
        String script = String.join("\n",
                "import numpy as np",
                "a = np.arange(6, dtype=np.float64).reshape(2, 3) / 7",
                "np.savez('np.npz', a=a, f=np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)),",
                "         be=np.array([1.5, -2.25], dtype='>f8'), i=np.array([[1, -2], [3, 2**62]], dtype=np.int64),",
                "         s=np.float64(0.1), n=np.int64(-7), t=np.frombuffer('k=v'.encode(), dtype=np.uint8))",
                "np.savez('f4.npz', ok=a, f4=np.zeros(3, dtype=np.float32))",
                "np.savez_compressed('npc.npz', a=a)",
                "np.save('one.npy', a.T)",
                "print('ok')");
        Python.Result r = Python.run(dir, script);
        assertEquals(0, r.exitCode(), r.output());
        NpzArchive z = Npz.read(dir.resolve("np.npz"));
        DMatrixRMaj a = z.matrix("a");
        for (int i = 0; i < 6; i++) {
            assertEquals(i / 7.0, a.data[i], 0.0);
        }
        NdArray f = z.get("f");
        assertArrayEquals(new int[] {2, 3, 4}, f.shape());
        double[] fd = f.doubles();
        for (int i = 0; i < 24; i++) {
            assertEquals(i, fd[i], 0.0, "C order of a Fortran-ordered array");
        }
        assertArrayEquals(new double[] {1.5, -2.25}, z.doubles("be"), 0.0);
        assertArrayEquals(new long[] {1, -2, 3, 1L << 62}, z.longs("i"));
        assertArrayEquals(new int[] {2, 2}, z.get("i").shape());
        assertEquals(0.1, z.scalar("s"), 0.0);
        assertEquals(-7, z.longScalar("n"));
        assertEquals("k=v", z.text("t"));
        Path f4 = dir.resolve("f4.npz");
        expect(() -> Npz.read(f4), f4.toString(), "array 'f4'", "unsupported dtype '<f4'", "float64 ('<f8')");
        assertMatrixEquals(a, Npz.read(dir.resolve("npc.npz")).matrix("a"), "compressed archive");
        DMatrixRMaj t = Npz.readNpy(dir.resolve("one.npy")).toMatrix();
        assertEquals(3, t.numRows);
        assertEquals(3 / 7.0, t.get(0, 1), 0.0);
    }

    private static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual, String message) {
        assertEquals(expected.numRows, actual.numRows, message);
        assertEquals(expected.numCols, actual.numCols, message);
        assertArrayEquals(expected.data, actual.data, 0.0, message);
    }

    private static void expect(Executable e, String... fragments) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String fragment : fragments) {
            assertTrue(ex.getMessage().contains(fragment), "'" + fragment + "' not in: " + ex.getMessage());
        }
    }
}
