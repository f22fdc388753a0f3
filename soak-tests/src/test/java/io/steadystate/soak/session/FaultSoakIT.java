package io.steadystate.soak.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.cli.RunCommand;
import io.steadystate.soak.stack.Fault;
import io.steadystate.soak.trace.LeakTrace;
import io.steadystate.soak.trace.LeakTraceText;
import io.steadystate.soak.verdict.Driver;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Positive control: with strategy-service's rally-cache fault on, the harness says LEAK for it and only it, and
 * traces the leak to the fault's field.
 */
class FaultSoakIT {

    @Test
    void rallyCacheFaultIsALeakOfStrategyServiceOnlyAndNamesTheClass() throws Exception {
        EndToEnd.assumeServicesBuilt();
        // rate 4 (price points leaked per tick): an unmistakable slope even when a loaded CI machine processes
        // fewer ticks; 120 s (not 90) leaves >= 8 post-warm-up samples even when each forced-GC sample is slow

        EndToEnd.Outcome run = EndToEnd.run(
                "smoke", Duration.ofSeconds(120), Fault.parse("strategy:rally-cache:4"), "fault-rally-cache");
        assertThat(run.report().failure()).isNull();
        if (RunCommand.findOnPath("prometheus").isPresent()) { // the alert rules, scaled to the run, see the leak too
            assertThat(run.report().checks())
                    .filteredOn(c -> c.name().equals("alert-rules"))
                    .singleElement()
                    .satisfies(c -> assertThat(c.passed()).as(c.detail()).isTrue())
                    .satisfies(c -> assertThat(c.detail())
                            .startsWith("fault run: SteadyStatePostGcHeapFillingFast held")
                            .contains("for strategy-service"));
        }
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.report().leakTraces()).extracting(LeakTrace::service).containsExactly("strategy-service");
        for (ServiceVerdict v : run.report().verdicts()) {
            if (v.service().equals("strategy-service")) {
                assertThat(v.outcome()).as(v.projection().explanation()).isEqualTo(Outcome.LEAK);
                assertThat(v.projection().governing())
                        .as("rally-cache leaks per tick")
                        .isEqualTo(Driver.TICKS);
                assertThat(v.growingClasses()).isNotEmpty();
                assertThat(v.growingClasses().stream().limit(3).map(c -> c.className()))
                        .as("top growing classes name the leaked record")
                        .anyMatch(name -> name.endsWith("fault.LeakedPricePoint"));
                // LEAK → traced by default: the field that holds the leaked points, on a path from a GC root
                LeakTrace trace = run.report().leakTraces().stream()
                        .filter(t -> t.service().equals(v.service()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(
                                "no leak trace in " + run.report().leakTraces()));
                assertThat(trace.owningField()).as(LeakTraceText.render(trace)).isNotNull();
                assertThat(trace.owningField().fieldName()).isEqualTo("FaultInjector.rallyCache");
                assertThat(trace.owningField().path()).contains("FaultInjector.rallyCache", "LeakedPricePoint");
                assertThat(trace.owningField().entriesEnd())
                        .isGreaterThan(trace.owningField().entriesStart());
            } else {
                assertThat(v.outcome())
                        .as(v.service() + ": " + v.projection().explanation())
                        .isNotEqualTo(Outcome.LEAK);
            }
        }
    }
}
