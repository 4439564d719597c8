package org.totaldiff.pinn.pde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/new-problem.md shows {@link PoissonExample} and the training code of
 * {@link PoissonExampleTest} verbatim; this fails when they drift apart. Paths are relative to
 * the pinn module, Surefire's working directory.
 */
class NewProblemDocTest {

    private static final Path DIR = Path.of("src/test/java/org/totaldiff/pinn/pde");
    private static final Path DOC = Path.of("../docs/new-problem.md");
    private static final String START = "// --- docs/new-problem.md";
    private static final String END = "// --- end of the doc's code ---";

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void theDocShowsTheExampleClassVerbatim() throws IOException {
        String doc = read(DOC);
        String source = read(DIR.resolve("PoissonExample.java"));
        assertTrue(doc.contains("```java\n" + source + "```"),
                "docs/new-problem.md must show PoissonExample.java verbatim; copy the file into the doc");
    }

    @Test
    void theDocShowsTheTrainingCodeVerbatim() throws IOException {
        String doc = read(DOC);
        String test = read(DIR.resolve("PoissonExampleTest.java"));
        int from = test.indexOf('\n', test.indexOf(START)) + 1;
        int to = test.lastIndexOf('\n', test.indexOf(END)) + 1;
        assertTrue(from > 0 && to > from, "PoissonExampleTest lost its doc markers");
        StringBuilder snippet = new StringBuilder();
        for (String line : test.substring(from, to).split("\n", -1)) {
            snippet.append(line.startsWith("        ") ? line.substring(8) : line).append('\n');
        }
        String code = snippet.substring(0, snippet.length() - 1); // split keeps a trailing empty part
        assertTrue(doc.contains("```java\n" + code + "```"),
                "docs/new-problem.md must show the training code of PoissonExampleTest verbatim, de-indented");
    }
}
