/**
 * JMH benchmarks of the engine's hot paths ({@link org.totaldiff.bench.ProductBenchmark},
 * {@link org.totaldiff.bench.TanhJetBenchmark}) and the side-by-side harness
 * {@link org.totaldiff.bench.CompareProducts} against EJML and numpy. Build with
 * {@code mvn -pl engine,bench -am package}; run {@code java -jar bench/target/benchmarks.jar}.
 */
package org.totaldiff.bench;
