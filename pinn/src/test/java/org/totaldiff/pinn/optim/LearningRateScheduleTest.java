package org.totaldiff.pinn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LearningRateScheduleTest {

    @Test
    void paperStepDecayMatchesPyTorchStepLrBitForBit() {
        // python3: lr = 1e-3; at every it > 0 with it % 5000 == 0: lr = lr * 0.9 (torch StepLR's chainable
        // form, stepped once per iteration); printed with repr() at these iterations.
        StepDecay s = StepDecay.paper();
        assertEquals(0.001, s.learningRate(0), 0.0);
        assertEquals(0.001, s.learningRate(4999), 0.0);
        assertEquals(0.0009000000000000001, s.learningRate(5000), 0.0);
        assertEquals(0.0009000000000000001, s.learningRate(9999), 0.0);
        assertEquals(0.0008100000000000001, s.learningRate(10000), 0.0);
        assertEquals(4.239115827521624e-05, s.learningRate(150000), 0.0);
        assertEquals(1.996678111016038e-06, s.learningRate(299999), 0.0);
        assertEquals(1.7970102999144342e-06, s.learningRate(300000), 0.0);
    }

    @Test
    void exponentialDecayIsTheClosedForm() {
        ExponentialDecay e = new ExponentialDecay(0.01, 0.5, 100);
        assertEquals(0.01, e.learningRate(0), 0.0);
        assertEquals(0.005, e.learningRate(100), 1e-18);
        assertEquals(0.01 * Math.pow(0.5, 0.5), e.learningRate(50), 1e-18);
        assertEquals(0.01 * Math.pow(0.9, 7), new ExponentialDecay(0.01, 0.9).learningRate(7), 0.0);
    }

    @Test
    void constantIsConstant() {
        assertEquals(0.3, LearningRateSchedule.constant(0.3).learningRate(123456), 0.0);
    }

    @Test
    void badArgumentsAreNamedWithWhatIsAccepted() {
        expect("initialRate must be a finite number >= 0, got -1.0", () -> new StepDecay(-1, 0.9, 10));
        expect("gamma must be a finite number > 0", () -> new StepDecay(1e-3, 0, 10));
        expect("stepSize must be >= 1 iteration, got 0", () -> new StepDecay(1e-3, 0.9, 0));
        expect("gamma must be a finite number > 0", () -> new ExponentialDecay(1e-3, Double.NaN));
        expect("decaySteps must be >= 1 iteration, got -3", () -> new ExponentialDecay(1e-3, 0.9, -3));
        expect("rate must be a finite number >= 0, got Infinity", () -> new Constant(Double.POSITIVE_INFINITY));
        expect("iteration must be >= 0, got -1", () -> StepDecay.paper().learningRate(-1));
    }

    private static void expect(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }
}
