package io.reserva.waitlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.waitlist.bench.WaitQuoteSimulation;
import org.junit.jupiter.api.Test;

/**
 * The quote beats the naive "N minutes per party ahead" rule by the margin the product asks (at least 40% lower
 * mean absolute error), even against the best N in hindsight, on a few simulated evenings with a fixed seed. The
 * full report is the benchmark's ({@link WaitQuoteSimulation#main}).
 */
class WaitQuoteAccuracyTests {

    @Test
    void quotesFromTheLiveFloorHaveAtLeastFortyPercentLowerErrorThanTheBestNaiveRule() {
        WaitQuoteSimulation.Result result = WaitQuoteSimulation.run(WaitQuoteSimulation.SEED, 4);

        assertThat(result.quotes()).as("walk-ins measured").isGreaterThan(80);
        assertThat(result.meanWait()).as("a busy evening: parties do wait").isGreaterThan(15);
        assertThat(result.estimatorMae()).isLessThanOrEqualTo(0.6 * result.bestNaiveMae());
    }
}
