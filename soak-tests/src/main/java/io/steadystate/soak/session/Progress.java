package io.steadystate.soak.session;

import io.steadystate.soak.profile.DurationText;
import io.steadystate.soak.profile.Profile;
import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.LeakVerdictEngine;
import io.steadystate.soak.verdict.VerdictPolicy;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The live line printed after every sample: elapsed/remaining, simulated clock and day, events/s, post-GC heap
 * per service, and the verdict so far (a cheaper bootstrap than the final one: it runs on every sample).
 */
final class Progress {

    private static final DateTimeFormatter SIM =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final PrintStream out;
    private final Profile profile;
    private final LeakVerdictEngine live;

    Progress(PrintStream out, Profile profile, VerdictPolicy policy) {
        this.out = out;
        this.profile = profile;
        this.live = new LeakVerdictEngine(policy.withResamples(200));
    }

    void print(Sample s, List<Sample> all, double elapsed) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT,
                "[%s / %s]",
                DurationText.format(Duration.ofSeconds((long) elapsed)),
                DurationText.format(profile.duration())));
        if (s.clock().simulatedEpochSeconds() != null) {
            b.append(" sim ")
                    .append(SIM.format(Instant.ofEpochMilli((long) (s.clock().simulatedEpochSeconds() * 1000))));
        }
        b.append(String.format(Locale.ROOT, " day %.2f", s.simDaysElapsed()));
        if (s.clock().simulatedDays() != null) {
            b.append(String.format(Locale.ROOT, " (#%.0f)", s.clock().simulatedDays()));
        }
        if (all.size() >= 2) {
            Sample prev = all.get(all.size() - 2);
            double dt = s.elapsedSeconds() - prev.elapsedSeconds();
            ServiceSample a = prev.service(ServiceId.MARKET_DATA);
            ServiceSample c = s.service(ServiceId.MARKET_DATA);
            if (a != null && c != null && dt > 0) {
                b.append(String.format(Locale.ROOT, " | %,.0f ev/s", (c.events() - a.events()) / dt));
            }
        }
        b.append(" | post-GC heap MB:");
        for (ServiceSample ss : s.services()) {
            String name = ServiceId.parse(ss.service()).shortName();
            b.append(' ')
                    .append(name)
                    .append(' ')
                    .append(
                            ss.alive()
                                    ? (ss.postGcHeapBytes() == null
                                            ? "?"
                                            : String.format(Locale.ROOT, "%.1f", ss.postGcHeapBytes() / 1048576.0))
                                    : "DEAD");
        }
        b.append(" | so far:");
        for (ServiceSample ss : s.services()) {
            String verdict;
            try {
                verdict = live.projection(Judgement.series(ss.service(), all))
                        .outcome()
                        .toString();
            } catch (RuntimeException e) {
                verdict = "—";
            }
            b.append(' ')
                    .append(ServiceId.parse(ss.service()).shortName())
                    .append('=')
                    .append(verdict);
        }
        out.println(b);
    }
}
