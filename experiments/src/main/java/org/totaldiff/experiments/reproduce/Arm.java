package org.totaldiff.experiments.reproduce;

import org.totaldiff.experiments.train.TrainConfig;

/**
 * One training run of a reproduction: its name (also its directory under the reproduction's
 * output) and its configuration.
 *
 * @param name   "vanilla" or "rba"
 * @param config the run's configuration
 */
public record Arm(String name, TrainConfig config) {
}
