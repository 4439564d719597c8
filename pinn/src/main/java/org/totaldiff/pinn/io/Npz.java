package org.totaldiff.pinn.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} (format version 1.0) and {@code .npz} files, as {@code numpy.save} /
 * {@code numpy.savez} write them and {@code numpy.load} reads them.
 *
 * <p>A {@code .npy} file is the magic {@code \x93NUMPY}, the version bytes 1 0, a little-endian
 * uint16 header length, an ASCII header such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and a
 * newline so the data starts at a multiple of 64 bytes, then the elements in C order. A
 * {@code .npz} file is a zip archive of {@code <name>.npy} entries, stored uncompressed (as
 * {@code numpy.savez}); {@code numpy.load(f)[name]} returns each array.
 *
 * <p>Written: {@code '<f8'}, {@code '<i8'}, {@code '|u1'}, C order, any rank including 0-d.
 * Read: those, their big-endian forms, Fortran order, format versions 1.0 to 3.0, and
 * compressed archives ({@code numpy.savez_compressed}). Anything else (another dtype, a
 * truncated or corrupt file) is an {@link IllegalArgumentException} naming the file, the array
 * and what was expected.
 *
 * <p>Writing is atomic: the bytes go to a temporary file in the target's directory, are forced
 * to disk, and the temporary file is moved over the target with {@code ATOMIC_MOVE}, so a
 * reader sees either the old file or the complete new one. The zip entries carry a fixed date,
 * so the same arrays always give the same bytes.
 */
public final class Npz {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npz() {
    }

    // ------------------------------------------------------------------ npz

    /**
     * Writes the archive to {@code file} atomically (temporary file, then ATOMIC_MOVE).
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, NpzArchive archive) throws IOException {
        if (archive == null) {
            throw new IllegalArgumentException("Npz.write: " + file + ": the archive is null");
        }
        writeAtomically(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (String name : archive.names()) {
                byte[] npy = toNpy(archive.get(name));
                ZipEntry entry = new ZipEntry(name + ".npy");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(npy.length);
                entry.setCompressedSize(npy.length);
                CRC32 crc = new CRC32();
                crc.update(npy);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * Reads every array of an {@code .npz} file, in the order of the archive.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid archive of supported arrays
     */
    public static NpzArchive read(Path file) throws IOException {
        NpzArchive archive = new NpzArchive(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + ": not a valid .npz (zip) archive: " + e.getMessage(), e);
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String entryName = entry.getName();
                if (!entryName.endsWith(".npy")) {
                    throw new IllegalArgumentException(file + ": entry '" + entryName
                            + "' is not a .npy array; an .npz archive holds only <name>.npy entries");
                }
                String name = entryName.substring(0, entryName.length() - 4);
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                } catch (ZipException e) {
                    throw new IllegalArgumentException(file + ": array '" + name + "': corrupt zip entry: "
                            + e.getMessage(), e);
                }
                archive.put(name, fromNpy(bytes, file + ": array '" + name + "'"));
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + ": corrupt .npz (zip) archive: " + e.getMessage(), e);
        }
        return archive;
    }

    // ------------------------------------------------------------------ npy

    /** Writes one array as a {@code .npy} file, atomically. */
    public static void writeNpy(Path file, NdArray array) throws IOException {
        if (array == null) {
            throw new IllegalArgumentException("Npz.writeNpy: " + file + ": the array is null");
        }
        byte[] npy = toNpy(array);
        writeAtomically(file, out -> out.write(npy));
    }

    /** Reads one {@code .npy} file. */
    public static NdArray readNpy(Path file) throws IOException {
        return fromNpy(Files.readAllBytes(file), file.toString());
    }

    /** The bytes of a {@code .npy} file (format 1.0) holding {@code array}. */
    public static byte[] toNpy(NdArray array) {
        String dict = "{'descr': '" + array.dtype().descr() + "', 'fortran_order': False, 'shape': "
                + NdArray.shapeString(array.shape()) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGN - unpadded % ALIGN) % ALIGN;
        int headerLength = dict.length() + padding + 1;
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("Npz: the shape " + NdArray.shapeString(array.shape())
                    + " makes a header too long for format 1.0");
        }
        int n = array.size();
        int itemSize = array.dtype().itemSize();
        if ((long) n * itemSize > Integer.MAX_VALUE - ALIGN - headerLength) {
            throw new IllegalArgumentException("Npz: an array of " + n + " elements of " + array.dtype().descr()
                    + " is too large for one entry (limit 2 GiB)");
        }
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + headerLength + n * itemSize)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
        buf.put(dict.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < padding; i++) {
            buf.put((byte) ' ');
        }
        buf.put((byte) '\n');
        switch (array.dtype()) {
            case FLOAT64:
                buf.asDoubleBuffer().put(array.doubles());
                break;
            case INT64:
                buf.asLongBuffer().put(array.longs());
                break;
            default:
                buf.put(array.bytes());
                break;
        }
        return buf.array();
    }

    /**
     * Parses the bytes of a {@code .npy} file.
     *
     * @param where names the file and array in error messages
     */
    static NdArray fromNpy(byte[] bytes, String where) {
        if (bytes.length < MAGIC.length + 4) {
            throw corrupt(where, "only " + bytes.length + " bytes, too short for a .npy header");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw corrupt(where, "no .npy magic string \\x93NUMPY at the start");
            }
        }
        int major = bytes[6] & 0xFF;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buf.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw corrupt(where, "truncated .npy header");
            }
            long len = buf.getInt(8) & 0xFFFFFFFFL;
            if (len > bytes.length) {
                throw corrupt(where, "header length " + len + " exceeds the " + bytes.length + " bytes of the array");
            }
            headerLength = (int) len;
            headerStart = 12;
        } else {
            throw corrupt(where, "unsupported .npy format version " + major + "." + (bytes[7] & 0xFF)
                    + "; expected 1.0, 2.0 or 3.0");
        }
        if (headerStart + headerLength > bytes.length) {
            throw corrupt(where, "the header claims " + headerLength + " bytes but the array has only "
                    + (bytes.length - headerStart) + " after the preamble");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw corrupt(where, "header " + header.trim() + " lacks 'descr', 'fortran_order' or 'shape'");
        }
        String d = descr.group(1);
        NdArray.DType dtype;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        switch (d) {
            case "<f8":
                dtype = NdArray.DType.FLOAT64;
                break;
            case ">f8":
                dtype = NdArray.DType.FLOAT64;
                order = ByteOrder.BIG_ENDIAN;
                break;
            case "<i8":
                dtype = NdArray.DType.INT64;
                break;
            case ">i8":
                dtype = NdArray.DType.INT64;
                order = ByteOrder.BIG_ENDIAN;
                break;
            case "|u1":
            case "<u1":
            case ">u1":
                dtype = NdArray.DType.UINT8;
                break;
            default:
                throw new IllegalArgumentException(where + ": unsupported dtype '" + d
                        + "'; expected float64 ('<f8'), int64 ('<i8') or uint8 ('|u1')"
                        + " (convert in NumPy with a.astype(np.float64))");
        }
        int[] shape = parseShape(shapeMatch.group(1), where);
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        int dataStart = headerStart + headerLength;
        long expected = count * dtype.itemSize();
        long actual = bytes.length - dataStart;
        if (actual != expected) {
            throw corrupt(where, "shape " + NdArray.shapeString(shape) + " of " + d + " needs " + expected
                    + " bytes of data, found " + actual + (actual < expected ? " (truncated)" : ""));
        }
        int n = (int) count;
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expected).slice().order(order);
        int[] perm = "True".equals(fortran.group(1)) && shape.length > 1 ? fortranToC(shape) : null;
        switch (dtype) {
            case FLOAT64: {
                double[] v = new double[n];
                data.asDoubleBuffer().get(v);
                if (perm != null) {
                    double[] c = new double[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = v[perm[i]];
                    }
                    v = c;
                }
                return NdArray.wrap(dtype, shape, v, null, null);
            }
            case INT64: {
                long[] v = new long[n];
                data.asLongBuffer().get(v);
                if (perm != null) {
                    long[] c = new long[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = v[perm[i]];
                    }
                    v = c;
                }
                return NdArray.wrap(dtype, shape, null, v, null);
            }
            default: {
                byte[] v = new byte[n];
                data.get(v);
                if (perm != null) {
                    byte[] c = new byte[n];
                    for (int i = 0; i < n; i++) {
                        c[i] = v[perm[i]];
                    }
                    v = c;
                }
                return NdArray.wrap(dtype, shape, null, null, v);
            }
        }
    }

    private static int[] parseShape(String text, String where) {
        String[] parts = text.split(",");
        int count = 0;
        int[] shape = new int[parts.length];
        long total = 1;
        for (String part : parts) {
            String p = part.trim();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            long v;
            try {
                v = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw corrupt(where, "bad shape (" + text + ")");
            }
            total *= Math.max(v, 1);
            if (v < 0 || v > Integer.MAX_VALUE || total > Integer.MAX_VALUE - 8) {
                throw corrupt(where, "shape (" + text + ") is negative or too large for one Java array");
            }
            shape[count++] = (int) v;
        }
        return java.util.Arrays.copyOf(shape, count);
    }

    /** perm[c] = the Fortran-order offset of the element at C-order offset c. */
    private static int[] fortranToC(int[] shape) {
        int rank = shape.length;
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        int[] fStride = new int[rank];
        int stride = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = stride;
            stride *= shape[k];
        }
        int[] perm = new int[n];
        int[] index = new int[rank];
        for (int c = 0; c < n; c++) {
            int off = 0;
            for (int k = 0; k < rank; k++) {
                off += index[k] * fStride[k];
            }
            perm[c] = off;
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return perm;
    }

    private static IllegalArgumentException corrupt(String where, String what) {
        return new IllegalArgumentException(where + ": corrupt .npy data: " + what);
    }

    // ------------------------------------------------------------------ atomic files

    /** Writes bytes to a target. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} atomically: {@code body} writes a temporary file in the same directory,
     * which is forced to disk and then moved over {@code file} with {@code ATOMIC_MOVE}. On any
     * failure the temporary file is deleted and the target is untouched.
     */
    static void writeAtomically(Path file, Body body) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("Npz: the file to write is null");
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException(target + ": the file system cannot replace files atomically; "
                        + "write to a local directory", e);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
