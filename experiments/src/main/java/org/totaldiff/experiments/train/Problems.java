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

    /**
     * @param boundary points per boundary side, initial line and periodic side
     */
    public static PdeProblem create(ProblemConfig config, int boundary) {
        return switch (config.kind()) {
            case HELMHOLTZ -> new HelmholtzProblem(new Helmholtz2D(config.a1(), config.a2(), config.k()), boundary);
            case ALLEN_CAHN -> {
                AllenCahnReference.Params p = AllenCahnReference.Params.defaults();
                yield new AllenCahnProblem(p.diffusion(), p.reaction(), boundary, boundary, config.boundary(),
                        () -> AllenCahnReference.compute(p));
            }
            case BURGERS -> new BurgersProblem(BurgersColeHopf.NU, boundary, boundary, BurgersColeHopf::new);
        };
    }
}
