/**
 * Result files of a run: the output directory ({@link org.totaldiff.experiments.io.RunDirectory}),
 * the JSON manifest {@code run.json} ({@link org.totaldiff.experiments.io.Manifest}), the
 * per-iteration table {@code metrics.csv} ({@link org.totaldiff.experiments.io.MetricsCsv}) and
 * the facts about the machine a run records ({@link org.totaldiff.experiments.io.RuntimeInfo}).
 *
 * <p>The layout, the resume rules and the exit codes are documented in {@code docs/outputs.md}.
 * Every file is written so that a run killed at any moment leaves readable files: the manifest
 * is replaced atomically, the metrics table is flushed row by row.
 *
 * <p>Errors a user can fix (a directory that holds a finished run, a table whose header does not
 * match) are {@link java.lang.IllegalArgumentException}s whose message names the file and says
 * what to do; I/O failures are {@link java.io.UncheckedIOException}s naming the file.
 */
package org.totaldiff.experiments.io;
