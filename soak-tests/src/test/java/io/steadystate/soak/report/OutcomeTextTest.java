package io.steadystate.soak.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTextTest {

    @Test
    void aFailedAccountingOrChaosCheckIsNamedAndNotCalledALeak() {
        List<Check> checks = List.of(
                new Check("rss", "order-service", true, ""),
                new Check("accounting:order-events-once", "order-service", false, "12 twice"),
                new Check("chaos:business-flow", "order-service", false, "collapse"));
        assertThat(OutcomeText.of(Outcome.LEAK, List.of(), checks, null))
                .isEqualTo("FAILED: accounting:order-events-once, chaos:business-flow");
    }

    @Test
    void anRssVerdictIsALeakAndTheOtherOutcomesReadAsBefore() {
        List<Check> checks = List.of(new Check("rss", "strategy-service", false, "RSS grows"));
        var verdict = new io.steadystate.soak.verdict.ServiceVerdict(
                "strategy-service", Outcome.LEAK, null, null, null, List.of(), List.of(), null, null);
        assertThat(OutcomeText.of(Outcome.LEAK, List.of(verdict), checks, null)).isEqualTo("LEAK (strategy-service)");
        List<Check> both = List.of(checks.get(0), new Check("accounting:fills-once", "order-service", false, ""));
        assertThat(OutcomeText.of(Outcome.LEAK, List.of(verdict), both, null))
                .isEqualTo("LEAK (strategy-service) + FAILED: accounting:fills-once");
        assertThat(OutcomeText.of(Outcome.PASS, List.of(), List.of(), null)).isEqualTo("PASS");
        assertThat(OutcomeText.of(Outcome.INCONCLUSIVE, List.of(), List.of(), null))
                .isEqualTo("INCONCLUSIVE");
        assertThat(OutcomeText.of(Outcome.PASS, List.of(), List.of(), "broker down"))
                .isEqualTo("RUN FAILED");
    }
}
