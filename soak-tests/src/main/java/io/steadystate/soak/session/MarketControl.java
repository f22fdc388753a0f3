package io.steadystate.soak.session;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.Sampler;
import io.steadystate.soak.stack.Http;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The session's hand on market-data's control API during a run: rate bursts, and the stop-and-drain at the end. */
final class MarketControl {

    private MarketControl() {
    }

    /** Burst profiles: multiply the tick rate for a while via PUT /market/rate, then restore it. */
    static boolean burst(Stack stack, Http http, Profile p, double elapsed, boolean bursting, List<String> notes) {
        double every = p.burst().every().toMillis() / 1000.0;
        double phase = elapsed % every;
        boolean shouldBurst = elapsed >= every && phase < p.burst().length().toMillis() / 1000.0;
        if (shouldBurst == bursting) {
            return bursting;
        }
        double tps = p.ticksPerSymbolPerSecond() * (shouldBurst ? p.burst().factor() : 1);
        try {
            http.put(stack.service(ServiceId.MARKET_DATA).resolve("market/rate"),
                    String.format(Locale.ROOT, "{\"ticksPerSymbolPerSecond\":%s}", tps));
        } catch (IOException e) {
            notes.add("PUT /market/rate failed during a burst: " + e.getMessage());
        }
        return shouldBurst;
    }

    /**
     * Stop the market, then wait (≤ 60 s) until every consumer group's lag is zero and the counters stop moving,
     * so the accounting compares finished work.
     */
    static Sample drain(Stack stack, Sampler sampler, Http http, boolean local, int seq, List<String> notes,
                        PrintStream out) {
        if (!local) {
            notes.add("deployed stack: the market is left running, so event accounting is not checked");
            return null;
        }
        try {
            http.post(stack.service(ServiceId.MARKET_DATA).resolve("market/stop"), null);
        } catch (IOException e) {
            notes.add("POST /market/stop failed: " + e.getMessage());
        }
        out.println("soak: market stopped; waiting for consumer lag to drain…");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Sample last = null;
        while (System.nanoTime() < deadline) {
            RunFailure.pause(2000);
            Sample s = sampler.sample(seq, false);
            boolean lagZero = !s.consumerLag().isEmpty() && s.consumerLag().values().stream().allMatch(l -> l == 0);
            Sample before = last;
            boolean stable = before != null && s.services().stream().allMatch(ss -> {
                var prev = before.service(ss.service());
                return prev != null && prev.counters().equals(ss.counters());
            });
            last = s;
            if (lagZero && stable) {
                return s;
            }
        }
        notes.add("consumer lag did not drain within 60 s after the market stopped: " + (last == null ? "?"
                : last.consumerLag()));
        return last;
    }

}
