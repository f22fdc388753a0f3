package io.steadystate.soak.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code jcmd <pid> GC.class_histogram}: bytes and instances per class after the full GC the command
 * performs, and the total (= live heap).
 */
public record ClassHistogram(long totalBytes, long totalInstances, Map<String, long[]> byClass) {

    /** One class's growth between two histograms. */
    public record Growth(
            String className, long bytesBefore, long bytesAfter, long instancesBefore, long instancesAfter) {
        public long bytesDelta() {
            return bytesAfter - bytesBefore;
        }

        public long instancesDelta() {
            return instancesAfter - instancesBefore;
        }
    }

    public static ClassHistogram parse(String text) {
        Map<String, long[]> byClass = new HashMap<>();
        long totalBytes = -1;
        long totalInstances = -1;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("Total")) {
                String[] p = line.split("\\s+");
                if (p.length >= 3) {
                    totalInstances = Long.parseLong(p[1]);
                    totalBytes = Long.parseLong(p[2]);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !Character.isDigit(line.charAt(0))) {
                continue;
            }
            String[] p = line.substring(colon + 1).strip().split("\\s+");
            if (p.length < 3) {
                continue;
            }
            try {
                long instances = Long.parseLong(p[0]);
                long bytes = Long.parseLong(p[1]);
                byClass.merge(p[2], new long[] {bytes, instances}, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            } catch (NumberFormatException ignored) {
                // a header line that happens to start with a digit
            }
        }
        if (totalBytes < 0) {
            throw new IllegalArgumentException("not a class histogram (no Total line)");
        }
        return new ClassHistogram(totalBytes, totalInstances, byClass);
    }

    /** Classes that grew most in bytes from {@code before} to this, largest first. */
    public List<Growth> topGrowthSince(ClassHistogram before, int limit) {
        List<Growth> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : byClass.entrySet()) {
            long[] old = before.byClass.getOrDefault(e.getKey(), new long[2]);
            if (e.getValue()[0] > old[0]) {
                out.add(new Growth(e.getKey(), old[0], e.getValue()[0], old[1], e.getValue()[1]));
            }
        }
        out.sort(Comparator.comparingLong(Growth::bytesDelta).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }
}
