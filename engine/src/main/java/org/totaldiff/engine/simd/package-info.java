/**
 * Vector API ({@code jdk.incubator.vector}) implementations of the engine's inner loops. Loaded
 * reflectively, and only when the module is present (see {@link org.totaldiff.engine.Simd}).
 */
package org.totaldiff.engine.simd;
