/**
 * The PINN benchmarks as training problems: each {@link org.totaldiff.pinn.pde.PdeProblem} gives
 * its PDE residual (built on the tape from a network's input-derivative jet), its boundary and
 * initial terms ({@link org.totaldiff.pinn.pde.Condition}), its domain and its reference
 * solution. docs/new-problem.md adds a problem (1-D Poisson) step by step.
 */
package org.totaldiff.pinn.pde;
