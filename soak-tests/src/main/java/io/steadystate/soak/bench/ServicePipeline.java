package io.steadystate.soak.bench;

import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The services as a {@link BenchPipeline}: market-data's control API sets the rate ({@code PUT /market/rate},
 * speed far above need so only the cap paces), the services' counters and groups are read by {@link PipelineProbe}.
 */
final class ServicePipeline implements BenchPipeline, AutoCloseable {

    private final Stack stack;
    private final Http http;
    private final PipelineProbe probe;
    private final BacklogDiscard discard;
    private boolean marketStarted;

    ServicePipeline(Stack stack, Http http, String bootstrap) {
        this.stack = stack;
        this.http = http;
        this.probe = new PipelineProbe(stack, http, bootstrap);
        this.discard = new BacklogDiscard(bootstrap, List.of(Topics.MARKET_EVENTS, Topics.SIGNALS));
    }

    PipelineProbe probe() {
        return probe;
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public List<String> stages() {
        return PipelineProbe.GROUPS;
    }

    @Override
    public void run(long targetPerSec) {
        call("market/rate", String.format(Locale.ROOT, "{\"speed\":%.1f,\"maxTicksPerSecond\":%d}", BenchRunner.SPEED,
                targetPerSec), true);
        call(marketStarted ? "market/resume" : "market/start", null, false);
        marketStarted = true;
    }

    @Override
    public void pause() {
        call("market/pause", null, false);
    }

    @Override
    public PipelineProbe.Counters counters() {
        return probe.counters();
    }

    @Override
    public Map<String, Long> lag() {
        return probe.lag();
    }

    @Override
    public void discardBacklog() throws Exception {
        discard.discard();
    }

    private void call(String path, String body, boolean put) {
        String what = (put ? "PUT /" : "POST /") + path;
        try {
            var uri = stack.service(ServiceId.MARKET_DATA).resolve(path);
            Http.Response r = put ? http.put(uri, body) : http.post(uri, body);
            if (!r.ok()) {
                throw new RunFailure(what + " → HTTP " + r.status() + " " + r.body()
                        + (r.status() == 404 ? " — market-data-service does not implement the control API yet" : ""));
            }
        } catch (IOException e) {
            throw new RunFailure(what + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        discard.close();
        probe.close();
    }
}
