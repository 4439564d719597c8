package org.totaldiff.experiments.train;

import org.totaldiff.experiments.train.TrainConfig.ProblemConfig;
import org.totaldiff.pinn.pde.AllenCahnProblem;
import org.totaldiff.pinn.pde.BurgersProblem;
import org.totaldiff.pinn.pde.HelmholtzProblem;
import org.totaldiff.pinn.pde.PdeProblem;
import org.totaldiff.pinn.problem.AllenCahnReference;
import org.totaldiff.pinn.problem.BurgersColeHopf;
import org.totaldiff.pinn.problem.Helmholtz2D;

/** Builds the {@link PdeProblem} a configuration names. */
public final class Problems {

    private Problems() {
    }

    /** The problem of {@code config} with the boundary points of {@code sampling}. */
    public static PdeProblem create(ProblemConfig config, TrainConfig.SamplingConfig sampling) {
        int boundary = sampling.boundary();
        if (sampling.boundaryGrid() != 0 && config.kind() != TrainConfig.Problem.HELMHOLTZ) {
            throw new IllegalArgumentException("--boundary-grid applies to helmholtz only, not " + config.kind().cliName());
        }
        return switch (config.kind()) {
            case HELMHOLTZ -> new HelmholtzProblem(new Helmholtz2D(config.a1(), config.a2(), config.k()), boundary,
                    sampling.boundaryGrid());
            case ALLEN_CAHN -> {
                AllenCahnReference.Params p = AllenCahnReference.Params.defaults();
                yield new AllenCahnProblem(p.diffusion(), p.reaction(), boundary, boundary, config.boundary(),
                        () -> AllenCahnReference.compute(p));
            }
            case BURGERS -> new BurgersProblem(BurgersColeHopf.NU, boundary, boundary, BurgersColeHopf::new);
        };
    }
}
