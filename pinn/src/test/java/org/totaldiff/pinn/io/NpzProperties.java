package org.totaldiff.pinn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.QuickTheory;

class NpzProperties {

    @TempDir
    Path dir;

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(1979L).withExamples(200);
    }

    @Test
    void everyArrayRoundTripsThroughNpyBitForBit() {
        qt().forAll(NdArrayGen.arrays()).checkAssert(a -> assertEquals(a, Npz.fromNpy(Npz.toNpy(a), "test")));
    }

    @Test
    void everyArchiveRoundTripsThroughAFileInOrder() {
        qt().withExamples(50).forAll(lists().of(NdArrayGen.arrays()).ofSizeBetween(0, 6), integers().between(0, 1000))
                .checkAssert((arrays, salt) -> {
                    NpzArchive z = new NpzArchive();
                    for (int i = 0; i < arrays.size(); i++) {
                        z.put("a" + (salt + i) + (i % 2 == 0 ? "/nested" : ""), arrays.get(i));
                    }
                    Path f = dir.resolve("p.npz");
                    try {
                        Npz.write(f, z);
                        NpzArchive back = Npz.read(f);
                        assertEquals(List.copyOf(z.names()), List.copyOf(back.names()));
                        for (String name : z.names()) {
                            assertEquals(z.get(name), back.get(name), name);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
