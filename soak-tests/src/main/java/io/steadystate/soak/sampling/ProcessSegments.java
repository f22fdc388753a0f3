package io.steadystate.soak.sampling;

import java.util.List;

/**
 * A service's samples split by process: a restart (new {@code process_start_time_seconds}) begins a new segment.
 * The chaos soak judges each service on its last segment (a restarted heap starts again from nothing).
 */
public final class ProcessSegments {

    private ProcessSegments() {}

    /** The samples from the first one of {@code service}'s last process on (the whole run if it never restarted). */
    public static List<Sample> last(String service, List<Sample> samples) {
        int start = 0;
        Double current = null;
        for (int i = 0; i < samples.size(); i++) {
            ServiceSample s = samples.get(i).service(service);
            if (s == null || !s.alive() || s.processStartSeconds() == null) {
                continue;
            }
            if (current == null || Math.abs(s.processStartSeconds() - current) > 1) {
                current = s.processStartSeconds();
                start = i;
            }
        }
        return samples.subList(start, samples.size());
    }

    /** Process segments seen (1 = never restarted, 0 = never sampled alive). */
    public static int count(String service, List<Sample> samples) {
        int n = 0;
        Double current = null;
        for (Sample sample : samples) {
            ServiceSample s = sample.service(service);
            if (s != null
                    && s.alive()
                    && s.processStartSeconds() != null
                    && (current == null || Math.abs(s.processStartSeconds() - current) > 1)) {
                current = s.processStartSeconds();
                n++;
            }
        }
        return n;
    }
}
