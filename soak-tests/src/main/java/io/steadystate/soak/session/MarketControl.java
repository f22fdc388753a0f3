package io.steadystate.soak.session;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.stack.MarketClient;
import io.steadystate.soak.stack.RunFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The session's hand on market-data during a run: the start, rate bursts, and the stop-and-drain at the end. All of
 * it through {@link MarketClient}; a refusal mid-run is a note (the run goes on), a refusal to start fails the run.
 */
final class MarketControl {

    private final MarketClient market;
    private final List<String> notes;

    MarketControl(MarketClient market, List<String> notes) {
        this.market = market;
        this.notes = notes;
    }

    /** A market that already runs (409: a deployed one, or started by an operator) is as good as started. */
    void start() {
        try {
            market.send(MarketClient.Command.START);
        } catch (MarketClient.Refused e) {
            if (e.status() != MarketClient.Refused.CONFLICT) {
                throw new RunFailure(e.getMessage());
            }
        } catch (IOException e) {
            throw new RunFailure(e.getMessage());
        }
    }

    /**
     * Burst profiles: multiply the tick rate for {@code burst.length} of every {@code burst.every} (not in the first
     * period, so the warm-up sees the base rate), then restore it. Returns whether the market bursts now.
     */
    boolean burst(Profile p, double elapsed, boolean bursting) {
        double every = p.burst().every().toMillis() / 1000.0;
        double phase = elapsed % every;
        boolean shouldBurst = elapsed >= every && phase < p.burst().length().toMillis() / 1000.0;
        if (shouldBurst == bursting) {
            return bursting;
        }
        double tps = p.ticksPerSymbolPerSecond() * (shouldBurst ? p.burst().factor() : 1);
        try {
            market.changeRate(MarketClient.RateChange.ticksPerSymbolPerSecond(tps));
        } catch (IOException e) {
            notes.add("rate change during a burst: " + e.getMessage());
        }
        return shouldBurst;
    }

    /**
     * Stop the market, then wait (≤ {@code limit}, polling every {@code poll}) until every consumer group's lag is
     * zero and the counters stop moving, so the accounting compares finished work. Null for a deployed stack: its
     * market is left running.
     */
    Sample drain(Supplier<Sample> sample, boolean local, PrintStream out, Duration poll, Duration limit) {
        if (!local) {
            notes.add("deployed stack: the market is left running, so event accounting is not checked");
            return null;
        }
        try {
            market.send(MarketClient.Command.STOP);
        } catch (IOException e) {
            notes.add("stopping the market: " + e.getMessage());
        }
        out.println("soak: market stopped; waiting for consumer lag to drain…");
        long deadline = System.nanoTime() + limit.toNanos();
        Sample last = null;
        while (System.nanoTime() < deadline) {
            RunFailure.pause(poll.toMillis());
            Sample s = sample.get();
            boolean lagZero = !s.consumerLag().isEmpty()
                    && s.consumerLag().values().stream().allMatch(l -> l == 0);
            Sample before = last;
            boolean stable = before != null
                    && s.services().stream().allMatch(ss -> {
                        var prev = before.service(ss.service());
                        return prev != null && prev.counters().equals(ss.counters());
                    });
            last = s;
            if (lagZero && stable) {
                return s;
            }
        }
        notes.add("consumer lag did not drain within " + limit.toSeconds() + " s after the market stopped: "
                + (last == null ? "?" : last.consumerLag()));
        return last;
    }
}
