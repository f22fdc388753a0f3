package io.steadystate.soak.session;

import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Positive control: with strategy-service's rally-cache fault on, the harness says LEAK for it and only it. */
class FaultSoakIT {

    @Test
    void rallyCacheFaultIsALeakOfStrategyServiceOnlyAndNamesTheClass() throws Exception {
        EndToEnd.assumeServicesBuilt();
        EndToEnd.Outcome run = EndToEnd.run("smoke", Duration.ofSeconds(90), Fault.parse("strategy:rally-cache"),
                "fault-rally-cache");
        assertThat(run.report().failure()).isNull();
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        for (ServiceVerdict v : run.report().verdicts()) {
            if (v.service().equals("strategy-service")) {
                assertThat(v.heap().outcome()).isEqualTo(Outcome.LEAK);
                assertThat(v.growingClasses()).isNotEmpty();
                assertThat(v.growingClasses().get(0).className()).isNotBlank();
            } else {
                assertThat(v.heap().outcome()).as(v.service()).isNotEqualTo(Outcome.LEAK);
            }
        }
    }
}
