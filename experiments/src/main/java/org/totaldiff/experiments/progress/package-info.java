/**
 * Progress of long commands on stderr: {@link org.totaldiff.experiments.progress.Progress}
 * draws a bar (iteration/total, loss, rate, ETA) on an interactive terminal and writes a
 * plain line every few seconds otherwise (logs, CI, a pipe), so stdout stays free for results.
 */
package org.totaldiff.experiments.progress;
