package org.totaldiff.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.totaldiff.experiments.io.Manifest;
import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;

/**
 * The quick reproductions are the runs committed under experiments/results and quoted in
 * docs/reproduction.md: their configurations must not drift when train's quick presets are
 * tuned for accuracy.
 */
class ReproducePresetsTest {

    /** experiments/results, found from the module directory Maven runs the tests in. */
    private static final Path RESULTS = Path.of("results");

    @ParameterizedTest
    @EnumSource(TrainConfig.Problem.class)
    void theQuickArmsAreTheConfigurationsOfTheCommittedReproduction(TrainConfig.Problem problem) {
        Path dir = RESULTS.resolve("reproduce-" + problem.cliName() + "-quick");
        assertTrue(Files.isDirectory(dir), "committed reproduction " + dir.toAbsolutePath());
        List<Arm> arms = ReproducePresets.arms(problem, Presets.Name.QUICK, null);
        for (Arm arm : arms) {
            TrainConfig committed = Manifest.read(dir.resolve(arm.name()).resolve(Manifest.FILE_NAME))
                    .configAs(TrainConfig.class);
            assertEquals(committed, arm.config(), problem + " " + arm.name());
        }
    }
}
