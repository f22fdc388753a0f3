package io.steadystate.soak.chaos;

import io.steadystate.soak.poison.PoisonAudit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The disruptions of a run in report.json: the chaos plan and what each kill did (the timeline), recovery times per
 * target, the topic accounting, the business flow before and after, the poison tally. Null parts were not run.
 *
 * @param segments per service, the process segments seen (1 = never restarted) — the leak verdict judged the last
 */
public record ChaosReport(
        String plan,
        List<KillRecord> kills,
        Map<String, Recovery> recovery,
        TopicAudit.Figures accounting,
        FlowHealth.Result flow,
        Double poisonRate,
        PoisonAudit.Result poison,
        Map<String, Integer> segments) {

    /** Recovery (kill → ready and lag drained) of one target's kills, seconds. */
    public record Recovery(
            int kills, int recovered, Double medianSeconds, Double maxSeconds, Double medianReadySeconds) {}

    public static Map<String, Recovery> recoveryByTarget(List<KillRecord> kills) {
        Map<String, List<KillRecord>> by = new LinkedHashMap<>();
        kills.forEach(
                k -> by.computeIfAbsent(k.target(), t -> new ArrayList<>()).add(k));
        Map<String, Recovery> out = new LinkedHashMap<>();
        by.forEach((target, list) -> out.put(target, recovery(list)));
        if (by.size() > 1) {
            out.put("all", recovery(kills));
        }
        return out;
    }

    static Recovery recovery(List<KillRecord> list) {
        List<Double> times = list.stream()
                .map(KillRecord::secondsToRecover)
                .filter(t -> t != null)
                .sorted()
                .toList();
        List<Double> ready = list.stream()
                .map(KillRecord::secondsToReady)
                .filter(t -> t != null)
                .sorted()
                .toList();
        int done = (int) list.stream().filter(k -> k.killedAt() != null).count();
        return new Recovery(
                done, times.size(), median(times), times.isEmpty() ? null : times.get(times.size() - 1), median(ready));
    }

    static Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
