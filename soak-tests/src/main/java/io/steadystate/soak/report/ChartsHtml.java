package io.steadystate.soak.report;

import io.steadystate.soak.sampling.Sample;
import io.steadystate.soak.sampling.ServiceSample;
import io.steadystate.soak.verdict.Judgement;
import io.steadystate.soak.verdict.ServiceVerdict;
import io.steadystate.soak.verdict.SlopeInterval;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * report.html's charts: each service's post-GC heap with the fitted slope over its judged window (warm-up shaded,
 * kills marked under chaos), then heap used, RSS, direct buffers, throughput, store entries and consumer lag over
 * simulated days.
 */
final class ChartsHtml {

    private static final double MB = 1024 * 1024;

    private ChartsHtml() {}

    static void render(StringBuilder b, RunReport r) {
        List<Sample> s = r.samples();
        if (s.isEmpty()) {
            return;
        }
        List<String> services =
                r.verdicts().stream().map(ServiceVerdict::service).toList();
        double[] days = s.stream().mapToDouble(Sample::simDaysElapsed).toArray();
        String xDays = "simulated days";
        b.append("<section><h2>Post-GC heap and fitted slope</h2><p class=\"note\">Points: live heap after a full GC."
                + " Line: Theil–Sen fit over the steady-state window; band: 95% CI of the slope (moving-block "
                + "bootstrap). Shaded: warm-up, excluded.</p><div class=\"grid\">");
        boolean segmented = r.disruption() != null
                && r.disruption().kills() != null
                && !r.disruption().kills().isEmpty();
        for (ServiceVerdict v : r.verdicts()) {
            List<Sample> usable = Judgement.usable(v.service(), s);
            double[] x = usable.stream().mapToDouble(Sample::simDaysElapsed).toArray();
            double[] y = usable.stream()
                    .mapToDouble(q -> q.service(v.service()).postGcHeapBytes() / MB)
                    .toArray();
            SvgChart c = new SvgChart(v.service() + " — " + v.outcome(), xDays, "MB")
                    .add(new SvgChart.Series("post-GC heap", x, y, true));
            // chaos: the verdict judged the last process segment only; its window indexes that segment's samples
            double[] xj = segmented
                    ? Judgement.usable(v.service(), io.steadystate.soak.sampling.ProcessSegments.last(v.service(), s))
                            .stream()
                            .mapToDouble(Sample::simDaysElapsed)
                            .toArray()
                    : x;
            SlopeInterval p = v.heap().perDay();
            int start = v.heap().windowStart();
            if (xj.length > 0 && start < xj.length) {
                c.warmup(xj[start]);
                if (p != null) {
                    c.fit(new SvgChart.Fit(
                            xj[start], xj[xj.length - 1], p.intercept(), p.slope(), p.lower(), p.upper()));
                }
            }
            if (segmented) {
                ChaosHtml.markKills(c, r.disruption().kills(), s);
            }
            b.append(c.render());
        }
        b.append("</div></section><section><h2>Memory and throughput</h2><div class=\"grid\">");
        b.append(multi(
                "Heap used (MB)",
                services,
                s,
                days,
                xDays,
                "MB",
                q -> q.heapUsedBytes() == null ? null : q.heapUsedBytes() / MB));
        b.append(multi(
                "RSS (MB)", services, s, days, xDays, "MB", q -> q.rssBytes() == null ? null : q.rssBytes() / MB));
        b.append(multi(
                "Direct buffers (MB)",
                services,
                s,
                days,
                xDays,
                "MB",
                q -> q.directBufferBytes() == null ? null : q.directBufferBytes() / MB));
        SvgChart rate = new SvgChart("Throughput (events/s)", xDays, "events/s");
        for (String svc : services) {
            double[] y = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                ServiceSample a = i == 0 ? null : s.get(i - 1).service(svc);
                ServiceSample c = s.get(i).service(svc);
                double dt =
                        i == 0 ? 0 : s.get(i).elapsedSeconds() - s.get(i - 1).elapsedSeconds();
                y[i] = a == null || c == null || dt <= 0 ? Double.NaN : Math.max(0, (c.events() - a.events()) / dt);
            }
            rate.add(new SvgChart.Series(svc, days, y, false));
        }
        b.append(rate.render());
        Set<String> stores = new LinkedHashSet<>();
        s.forEach(q ->
                q.services().forEach(ss -> ss.stores().keySet().forEach(k -> stores.add(ss.service() + "/" + k))));
        SvgChart storeChart = new SvgChart("Store entries", xDays, "entries");
        for (String key : stores) {
            String svc = key.substring(0, key.indexOf('/'));
            String store = key.substring(key.indexOf('/') + 1);
            double[] y = s.stream()
                    .mapToDouble(q -> {
                        ServiceSample ss = q.service(svc);
                        return ss == null || !ss.stores().containsKey(store)
                                ? Double.NaN
                                : ss.stores().get(store).entries();
                    })
                    .toArray();
            storeChart.add(new SvgChart.Series(store, days, y, false));
        }
        b.append(storeChart.render());
        Set<String> groups = new LinkedHashSet<>();
        s.forEach(q -> groups.addAll(q.consumerLag().keySet()));
        SvgChart lag = new SvgChart("Consumer lag (records)", xDays, "records");
        for (String g : groups) {
            lag.add(new SvgChart.Series(
                    g,
                    days,
                    s.stream()
                            .mapToDouble(q -> q.consumerLag().containsKey(g)
                                    ? q.consumerLag().get(g)
                                    : Double.NaN)
                            .toArray(),
                    false));
        }
        b.append(lag.render()).append("</div></section>");
    }

    private static String multi(
            String title,
            List<String> services,
            List<Sample> s,
            double[] x,
            String xl,
            String yl,
            Function<ServiceSample, Double> f) {
        SvgChart c = new SvgChart(title, xl, yl);
        for (String svc : services) {
            c.add(new SvgChart.Series(
                    svc,
                    x,
                    s.stream()
                            .mapToDouble(q -> {
                                ServiceSample ss = q.service(svc);
                                Double v = ss == null ? null : f.apply(ss);
                                return v == null ? Double.NaN : v;
                            })
                            .toArray(),
                    false));
        }
        return c.render();
    }
}
