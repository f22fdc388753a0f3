package io.steadystate.marketdata.resume;

import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.kafka.ProducerOrigin;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.core.time.EventTimeGuard;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;

/**
 * Which event time at the tails of {@code market.events} a restart may resume after. A pure judgement of the
 * records {@link TopicTail} reads (offered per partition in offset order), so every rule is unit-tested
 * without a broker. Only a record that passes all of these counts:
 * <ol>
 *   <li><b>market-data wrote it</b>: header {@code steadystate.producer=market-data-service}
 *       ({@link ProducerOrigin}). Anyone allowed to write the topic — the soak's poison producer, a tool — could
 *       put a well-formed tick dated 2099 there; resuming the clock from it moved the market to 2099 and every
 *       consumer refused what followed. Foreign records are not evidence of where <em>this</em> stream stood.</li>
 *   <li><b>it decodes</b> with the core serde, which also applies trading-core's record validation
 *       (symbol, prices, sizes: a record that exists is a valid record).</li>
 *   <li><b>its event time passes {@link EventTimeGuard}</b> — the window 2000 .. 2100 — and, against the partition's
 *       previous accepted record, the guard's bounded forward step (7 days). market-data sends everything from one
 *       thread in stream order with an idempotent producer, so its records on a partition are non-decreasing in event
 *       time and never jump more than a long weekend; a jump is not ours however it is labelled. The partition's
 *       resume time is its <em>last</em> accepted record, which for an honest partition is also its latest.</li>
 *   <li><b>its partition agrees with the others</b>: a partition whose time lies more than the step ahead of the
 *       lower median of all partitions' times is dropped. Session events are broadcast to every partition, so honest
 *       tails lie within one session of each other; a partition whose whole tail is a single forged record has no
 *       predecessor to be compared with, but the other partitions outvote it (unless the liars are the majority).</li>
 * </ol>
 * Why not the wall clock as a bound: simulated time is not wall time. It starts at a configured date and runs
 * {@code speed} (default 60) times faster with nights skipped, so a week-long soak legitimately passes today's date.
 */
final class TrustedTail {

    private final EventTimeGuard guard;
    private final MarketEventSerde serde = new MarketEventSerde();
    /** Per partition number: the last accepted event time, {@link Long#MIN_VALUE} while none. Sized once. */
    private final long[] lastAccepted;

    private long ours;
    private long foreign;
    private long undecodable;
    private long refused;
    private String lastRefusal = "";
    private String outvoted = "";

    TrustedTail(int partitions, EventTimeGuard guard) {
        this.guard = guard;
        this.lastAccepted = new long[partitions];
        Arrays.fill(lastAccepted, Long.MIN_VALUE);
    }

    /** One record of {@code partition}; a partition's records must come in offset order. */
    void offer(int partition, Headers headers, byte[] value) {
        if (!ProducerOrigin.isFrom(headers, ProducerOrigin.MARKET_DATA)) {
            foreign++;
            return;
        }
        MarketEvent event;
        try {
            event = serde.decode(value);
        } catch (UndecodableRecordException e) {
            undecodable++;
            return;
        }
        String problem = guard.problemWith(event.eventTime(), lastAccepted[partition]);
        if (problem != null) {
            refused++;
            lastRefusal = "partition " + partition + ": " + problem;
            return;
        }
        ours++;
        lastAccepted[partition] = event.eventTime();
    }

    /** True once {@code partition} has a record this judgement accepted. */
    boolean hasEvidence(int partition) {
        return lastAccepted[partition] != Long.MIN_VALUE;
    }

    /** The latest event time the partitions agree on; {@link Long#MIN_VALUE} when no record counts (a fresh start). */
    long latestEventTime() {
        long[] times = Arrays.stream(lastAccepted)
                .filter(t -> t != Long.MIN_VALUE)
                .sorted()
                .toArray();
        if (times.length == 0) {
            return Long.MIN_VALUE;
        }
        long reference = times[(times.length - 1) / 2];
        long latest = Long.MIN_VALUE;
        StringBuilder dropped = new StringBuilder();
        for (int p = 0; p < lastAccepted.length; p++) {
            long t = lastAccepted[p];
            if (t == Long.MIN_VALUE) {
                continue;
            }
            String problem = guard.problemWith(t, reference);
            if (problem == null) {
                latest = Math.max(latest, t);
            } else {
                dropped.append(dropped.length() == 0 ? "" : "; ")
                        .append("partition ")
                        .append(p)
                        .append(": ")
                        .append(problem);
            }
        }
        outvoted = dropped.toString();
        return latest;
    }

    /** What was left out and why, for the restart's log line; empty when every record read counted. */
    String skipped() {
        StringBuilder s = new StringBuilder();
        if (foreign > 0) {
            s.append(foreign)
                    .append(" without ")
                    .append(ProducerOrigin.HEADER)
                    .append('=')
                    .append(ProducerOrigin.MARKET_DATA);
        }
        if (undecodable > 0) {
            s.append(s.length() == 0 ? "" : ", ").append(undecodable).append(" undecodable");
        }
        if (refused > 0) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append(refused)
                    .append(" refused (last: ")
                    .append(lastRefusal)
                    .append(')');
        }
        if (!outvoted.isEmpty()) {
            s.append(s.length() == 0 ? "" : ", ")
                    .append("outvoted by the other partitions: ")
                    .append(outvoted);
        }
        return s.toString();
    }

    long accepted() {
        return ours;
    }
}
