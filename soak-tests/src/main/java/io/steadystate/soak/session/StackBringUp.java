package io.steadystate.soak.session;

import io.steadystate.soak.sampling.MetricSnapshot;
import io.steadystate.soak.sampling.MetricsSource;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.LocalStack;
import io.steadystate.soak.stack.RemoteStack;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import io.steadystate.soak.stack.StackPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first phase of a run: reach the stack and check it honours the contract before any load starts. Remote
 * targets must answer ready; otherwise the local stack is started from the run's plan. Then every service must
 * export the metrics the verdict reads, from start-up: one not finished yet fails here, clearly (exit 3).
 */
final class StackBringUp {

    /** Metrics each service must export from start-up (CONTRACTS.md: meters are registered eagerly). */
    static final Map<ServiceId, List<String>> REQUIRED_METRICS = Map.of(
            ServiceId.MARKET_DATA,
                    List.of(
                            "steadystate_marketdata_events_published_total",
                            "steadystate_marketdata_simulated_time_seconds"),
            ServiceId.STRATEGY, List.of("steadystate_strategy_ticks_processed_total"),
            ServiceId.ORDER, List.of("steadystate_order_ticks_processed_total"));

    private final SessionOptions options;
    private final PrintStream out;

    StackBringUp(SessionOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** @param localPlan the stack to start when the run names no remote targets */
    Stack start(Supplier<StackPlan> localPlan) {
        if (options.targets() != null) {
            RemoteStack remote =
                    RemoteStack.parse(options.targets(), options.prometheusUrl(), options.bootstrapServers());
            Http http = new Http(options.apiToken());
            for (ServiceEndpoint e : remote.services()) {
                try {
                    Http.Response r = http.get(e.resolve("q/health/ready"), "application/json");
                    if (r.status() != 200) {
                        throw new RunFailure(
                                e.id().module() + " at " + e.baseUrl() + " is not ready: HTTP " + r.status());
                    }
                } catch (IOException ex) {
                    throw new RunFailure(e.id().module() + " at " + e.baseUrl() + " unreachable: " + ex.getMessage());
                }
            }
            return remote;
        }
        return LocalStack.start(localPlan.get(), msg -> out.println("soak: " + msg));
    }

    /** A service that is not finished yet fails here, clearly, rather than producing a meaningless verdict. */
    void preflight(Stack stack, Http http) {
        for (ServiceEndpoint e : stack.services()) {
            MetricSnapshot m;
            try {
                m = MetricsSource.direct(http).snapshot(e);
            } catch (IOException ex) {
                throw new RunFailure(e.id().module() + ": GET /q/metrics failed: " + ex.getMessage());
            }
            List<String> missing =
                    REQUIRED_METRICS.get(e.id()).stream().filter(n -> !m.has(n)).toList();
            if (!missing.isEmpty()) {
                throw new RunFailure(e.id().module() + " does not export " + missing + " (CONTRACTS.md) — is it "
                        + "implemented yet? See " + stack.logs().getOrDefault(e.id().module(), Path.of("its log")));
            }
        }
    }
}
