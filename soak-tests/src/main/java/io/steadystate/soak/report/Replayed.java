package io.steadystate.soak.report;

import io.steadystate.soak.sampling.Counter;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.ServiceId;
import java.util.List;
import java.util.Locale;

/**
 * How dense the run was: ticks market-data published between the first and the last sample, and their rate. The
 * detection limit rests on it — a window that replays N ticks cannot call a leak below the noise floor ÷ N per
 * tick — so the console and report.html state it beside the verdict.
 *
 * @param ticks   ticks published over the sampled run (counter at the last sample − at the first)
 * @param seconds wall seconds between those samples
 */
public record Replayed(double ticks, double seconds) {

    /** Null when market-data's tick counter was not sampled at both ends (a deployed stack without it, a death). */
    public static Replayed of(List<Sample> samples) {
        Double first = null;
        Double last = null;
        double t0 = 0;
        double t1 = 0;
        for (Sample s : samples) {
            ServiceSample m = s.service(ServiceId.MARKET_DATA.module());
            Double ticks = m == null || !m.alive() ? null : m.counter(Counter.TICKS_PUBLISHED);
            if (ticks == null) {
                continue;
            }
            if (first == null) {
                first = ticks;
                t0 = s.elapsedSeconds();
            }
            last = ticks;
            t1 = s.elapsedSeconds();
        }
        return first == null || t1 <= t0 ? null : new Replayed(last - first, t1 - t0);
    }

    public double perSecond() {
        return ticks / seconds;
    }

    public String describe() {
        return String.format(
                Locale.ROOT, "%,.0f ticks replayed in %.0f s (%,.0f ticks/s)", ticks, seconds, perSecond());
    }
}
