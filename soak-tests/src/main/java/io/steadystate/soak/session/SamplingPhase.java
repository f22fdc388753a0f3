package io.steadystate.soak.session;

import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.Sampler;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.RunFailure;
import io.steadystate.soak.stack.ServiceEndpoint;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.stack.Stack;
import io.steadystate.soak.trace.TraceCapture;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The sampling phase of a run: one sample per interval until the profile's duration is over (longer while a
 * disruption still needs time, shorter on Ctrl-C), with the market's bursts on the profile's schedule, the trace's
 * first heap dumps at the judged window's start, a progress line per sample, and a service that died unplanned
 * ending the phase at once (one more sample records the death).
 */
final class SamplingPhase {

    private final PrintStream out;
    private final TraceCapture trace;
    private final BooleanSupplier stopRequested;

    SamplingPhase(PrintStream out, TraceCapture trace, BooleanSupplier stopRequested) {
        this.out = out;
        this.trace = trace;
        this.stopRequested = stopRequested;
    }

    List<Sample> run(
            Stack stack,
            Sampler sampler,
            MarketControl market,
            Profile p,
            VerdictPolicy policy,
            boolean local,
            Disruptions disruptions)
            throws IOException {
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + p.duration().toNanos();
        long interval = p.sampleInterval().toNanos();
        Progress progress = new Progress(out, p, policy);
        boolean bursting = false;
        int seq = 0;
        long next = start;
        while (!stopRequested.getAsBoolean()) {
            long now = System.nanoTime();
            if (now >= end && !disruptions.extendsRun(now - end)) {
                break;
            }
            if (now < next) {
                RunFailure.pause(Math.min(500, (next - now) / 1_000_000 + 1));
                continue;
            }
            next += interval;
            if (p.burst() != null) {
                bursting = market.burst(p, (now - start) / 1e9, bursting);
            }
            Sample s = sampler.sample(seq++, local);
            samples.add(s);
            if (!trace.startTaken()
                    && (now - start >= p.duration().toNanos() * p.warmupFraction()
                            || trace.fillingEarly(s.services(), p.heapMb(), (now - start) / 1e9))) {
                // the warm-up floor (the earliest sample the judged window can start at), or a heap filling fast
                trace.atWindowStart(stack.services());
            }
            progress.print(s, samples, (now - start) / 1e9);
            for (ServiceEndpoint e : stack.services()) {
                trace.watch(e, s.service(e.id().module()), p.heapMb(), (now - start) / 1e9);
            }
            for (ServiceId id : ServiceId.values()) {
                String death = stack.deathNotice(id);
                if (death != null && !disruptions.plannedDown(id)) {
                    disruptions.unplannedDeath(id, death);
                    out.println("soak: " + id.module() + " " + death + " — stopping the run");
                    ServiceSample last = s.service(id);
                    if (last == null || last.alive()) {
                        // the death came between two samples: one more records it, so the restart check fails
                        samples.add(sampler.sample(seq++, local));
                    }
                    return samples;
                }
            }
        }
        return samples;
    }
}
