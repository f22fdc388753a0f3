package io.steadystate.soak.bench;

import io.steadystate.core.kafka.Topics;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The services as a {@link BenchPipeline}: market-data's control API ({@link MarketClient}) sets the rate (speed far
 * above need so only the cap paces), the services' counters and groups are read by {@link PipelineProbe}.
 */
final class ServicePipeline implements BenchPipeline, AutoCloseable {

    private final MarketClient market;
    private final PipelineProbe probe;
    private final BacklogDiscard discard;
    private boolean marketStarted;

    ServicePipeline(Stack stack, Http http, String bootstrap) {
        this.market = MarketClient.of(http, stack.service(ServiceId.MARKET_DATA));
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
        call(() -> market.changeRate(MarketClient.RateChange.paced(BenchRunner.SPEED, targetPerSec)));
        call(() -> market.send(marketStarted ? MarketClient.Command.RESUME : MarketClient.Command.START));
        marketStarted = true;
    }

    @Override
    public void pause() {
        call(() -> market.send(MarketClient.Command.PAUSE));
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

    private interface MarketCall {
        void send() throws IOException;
    }

    /** The bench cannot measure a market that does not do what it is told: any refusal ends it (exit 3). */
    private static void call(MarketCall call) {
        try {
            call.send();
        } catch (IOException e) {
            throw new RunFailure(e.getMessage());
        }
    }

    @Override
    public void close() {
        discard.close();
        probe.close();
    }
}
