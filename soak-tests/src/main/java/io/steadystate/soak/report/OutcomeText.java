package io.steadystate.soak.report;

import io.steadystate.soak.verdict.Check;
import io.steadystate.soak.verdict.Outcome;
import io.steadystate.soak.verdict.ServiceVerdict;
import java.util.List;

/**
 * The overall outcome in words that name what failed: {@code LEAK (strategy-service)} only for a heap or RSS
 * verdict; any other failed check is {@code FAILED: <check names>} — a lost tick or a doubled order is not a leak.
 * The exit code stays 1 for both (CONTRACTS of {@code ./soak}: 1 = LEAK or a failed check).
 */
public final class OutcomeText {

    private OutcomeText() {}

    public static String of(Outcome overall, List<ServiceVerdict> verdicts, List<Check> checks, String failure) {
        if (failure != null) {
            return "RUN FAILED";
        }
        if (overall != Outcome.LEAK) {
            return overall.name();
        }
        List<String> leaking = verdicts.stream()
                .filter(v -> heapLeak(v)
                        || checks.stream()
                                .anyMatch(c -> !c.passed()
                                        && c.name().equals("rss")
                                        && c.service().equals(v.service())))
                .map(ServiceVerdict::service)
                .distinct()
                .toList();
        List<String> failed = checks.stream()
                .filter(c -> !c.passed() && !c.name().equals("rss"))
                .map(c -> c.name().startsWith("store:") || c.name().equals("no-restart")
                        ? c.name() + " [" + c.service() + "]"
                        : c.name())
                .distinct()
                .toList();
        String leak = leaking.isEmpty() ? "" : "LEAK (" + String.join(", ", leaking) + ")";
        String rest = failed.isEmpty() ? "" : "FAILED: " + String.join(", ", failed);
        if (leak.isEmpty() && rest.isEmpty()) {
            return "LEAK";
        }
        return leak.isEmpty() ? rest : rest.isEmpty() ? leak : leak + " + " + rest;
    }

    private static boolean heapLeak(ServiceVerdict v) {
        return v.projection() != null
                ? v.projection().outcome() == Outcome.LEAK
                : v.heap() != null && v.heap().outcome() == Outcome.LEAK;
    }
}
