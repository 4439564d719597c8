package org.totaldiff.bench.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A TorchScript archive ({@code torch.jit.save}'s zip format) of a module with no parameters or
 * buffers, written from its TorchScript source, so that libtorch can run code that DJL has no
 * Java call for ({@code torch.autograd.grad}) without Python:
 *
 * <pre>
 *   NAME/version                 "3"   (format version; libtorch 2.x reads 1..10)
 *   NAME/constants.pkl           pickle of ()
 *   NAME/data.pkl                pickle of __torch__.CLASS with {training: True}
 *   NAME/code/__torch__.py       the source: class CLASS(Module): ... def forward(self, ...)
 * </pre>
 *
 * All entries are stored (not deflated).
 */
final class TorchScriptArchive {

    private TorchScriptArchive() {
    }

    /**
     * Writes the archive of {@code source}, which defines {@code class className(Module)}.
     *
     * @return file
     */
    static Path write(Path file, String className, String source) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            String dir = "peer/";
            entry(zip, dir + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            entry(zip, dir + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            entry(zip, dir + "constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            entry(zip, dir + "data.pkl", moduleObject(className));
            entry(zip, dir + "code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Pickle (protocol 2): GLOBAL __torch__ CLASS, NEWOBJ (), BUILD {"training": True}. */
    private static byte[] moduleObject(String className) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80);
        p.write(2);
        p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII));
        p.write(')');
        p.write(0x81);
        p.write('}');
        byte[] key = "training".getBytes(StandardCharsets.US_ASCII);
        p.write('X');
        p.writeBytes(new byte[] {(byte) key.length, 0, 0, 0});
        p.writeBytes(key);
        p.write(0x88);
        p.write('s');
        p.write('b');
        p.write('.');
        return p.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
