package io.steadystate.soak.poison;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.kafka.DeadLetterHeaders;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.UndecodableRecordException;
import io.steadystate.soak.chaos.TopicReader;
import io.steadystate.soak.stack.ServiceId;
import io.steadystate.soak.verdict.Check;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Judges {@code --poison}: reads {@code strategy.dlq} and {@code order.dlq} (read_committed) and matches every
 * dead letter to the poison record it came from by its source headers. Per topic, kind and consuming service:
 * records injected, dead-lettered with the reason CONTRACTS.md promises, with another reason, not at all. And no
 * state moved: no order came from a poison signal, the parameter table is what it was before the poison started.
 */
public final class PoisonAudit {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    /** One row of the table: a kind at one consuming service. */
    public record Row(
            String topic,
            String kind,
            String service,
            String expectedReason,
            long injected,
            long deadLettered,
            Map<String, Long> reasons,
            long missing,
            long deadLetteredAgain) {}

    public record Result(
            List<Row> rows, long otherDeadLetters, long ordersFromPoison, long failedSends, List<Check> checks) {}

    public static String coordinates(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /**
     * @param written          the producer's coordinates → kind
     * @param parametersBefore {@code GET /strategy/parameters} when the poison started (null when unknown)
     * @param parametersAfter  the same at the end
     */
    public static Result run(
            String bootstrap,
            Map<String, PoisonKind> written,
            Map<PoisonKind, Long> failedSends,
            String parametersBefore,
            String parametersAfter) {
        // (coordinates, service) → reasons seen; repeated dead letters of one record (params replay) counted apart
        Map<String, Map<String, String>> byRecord = new HashMap<>();
        Map<String, Long> again = new HashMap<>();
        long[] other = new long[1];
        for (String dlq : List.of(Topics.STRATEGY_DLQ, Topics.ORDER_DLQ)) {
            TopicReader.readAll(bootstrap, dlq, READ_TIMEOUT, r -> {
                String source = coordinates(
                        header(r, DeadLetterHeaders.SOURCE_TOPIC),
                        parseInt(header(r, DeadLetterHeaders.SOURCE_PARTITION)),
                        parseLong(header(r, DeadLetterHeaders.SOURCE_OFFSET)));
                if (!written.containsKey(source)) {
                    other[0]++;
                    return;
                }
                String service = header(r, DeadLetterHeaders.SERVICE);
                String previous = byRecord.computeIfAbsent(source, k -> new HashMap<>())
                        .putIfAbsent(service, header(r, DeadLetterHeaders.REASON));
                if (previous != null) {
                    again.merge(service + " " + written.get(source).name(), 1L, Long::sum);
                }
            });
        }
        OrderEventSerde serde = new OrderEventSerde();
        Set<String> poisonOrders = new HashSet<>();
        TopicReader.readAll(bootstrap, Topics.ORDER_EVENTS, READ_TIMEOUT, r -> {
            try {
                OrderEvent e = serde.decode(r.value());
                if (e.signalId().startsWith("poison:") || e.symbol().startsWith("poison")) {
                    poisonOrders.add(e.orderId());
                }
            } catch (UndecodableRecordException ignored) {
                // not an order event: nothing to judge here
            }
        });

        List<Row> rows = new ArrayList<>();
        Map<PoisonKind, Long> injected = new TreeMap<>();
        written.values().forEach(k -> injected.merge(k, 1L, Long::sum));
        for (PoisonKind kind : PoisonKind.values()) {
            for (ServiceId consumer : kind.consumers()) {
                String service = consumer.module(); // as the service writes it in its dead letters' header
                long n = 0;
                long right = 0;
                Map<String, Long> reasons = new TreeMap<>();
                for (Map.Entry<String, PoisonKind> w : written.entrySet()) {
                    if (w.getValue() != kind) {
                        continue;
                    }
                    n++;
                    String reason = byRecord.getOrDefault(w.getKey(), Map.of()).get(service);
                    if (reason != null) {
                        reasons.merge(reason, 1L, Long::sum);
                        if (reason.equals(kind.expectedReason())) {
                            right++;
                        }
                    }
                }
                long dead = reasons.values().stream().mapToLong(Long::longValue).sum();
                rows.add(new Row(
                        kind.topic(),
                        kind.label(),
                        service,
                        kind.expectedReason(),
                        n,
                        right,
                        reasons,
                        n - dead,
                        again.getOrDefault(service + " " + kind.name(), 0L)));
            }
        }
        long failed = failedSends.values().stream().mapToLong(Long::longValue).sum();
        return new Result(
                rows,
                other[0],
                poisonOrders.size(),
                failed,
                checks(rows, poisonOrders.size(), parametersBefore, parametersAfter));
    }

    static List<Check> checks(List<Row> rows, long ordersFromPoison, String before, String after) {
        List<Check> out = new ArrayList<>();
        Map<String, List<Row>> byTopic = new LinkedHashMap<>();
        rows.forEach(
                r -> byTopic.computeIfAbsent(r.topic(), k -> new ArrayList<>()).add(r));
        byTopic.forEach((topic, list) -> {
            long injected = list.stream()
                    .filter(r -> r.service().equals(list.get(0).service()))
                    .mapToLong(Row::injected)
                    .sum();
            List<String> wrong = new ArrayList<>();
            Map<String, Long> perService = new LinkedHashMap<>();
            for (Row r : list) {
                perService.merge(r.service(), r.deadLettered(), Long::sum);
                if (r.deadLettered() != r.injected()) {
                    wrong.add(String.format(
                            Locale.ROOT,
                            "%s at %s: %d of %d dead-lettered %s%s",
                            r.kind(),
                            r.service(),
                            r.deadLettered(),
                            r.injected(),
                            r.expectedReason(),
                            r.missing() > 0
                                    ? " (" + r.missing() + " not dead-lettered at all"
                                            + (r.reasons().isEmpty() ? "" : ", others as " + r.reasons()) + ")"
                                    : " (dead-lettered as " + r.reasons() + ")"));
                }
            }
            out.add(new Check(
                    "poison:" + topic,
                    String.join("+", perService.keySet()),
                    wrong.isEmpty() && injected > 0,
                    String.format(
                            Locale.ROOT,
                            "%,d hostile records injected; dead-lettered with the right reason: %s%s",
                            injected,
                            perService,
                            wrong.isEmpty() ? "" : "; WRONG: " + String.join("; ", wrong))));
        });
        boolean paramsKept = before == null || before.equals(after);
        out.add(new Check(
                "poison:no-state-change",
                ServiceId.ORDER.module() + "+" + ServiceId.STRATEGY.module(),
                ordersFromPoison == 0 && paramsKept,
                String.format(
                        Locale.ROOT,
                        "%d orders from poison signals or symbols; strategy parameters %s",
                        ordersFromPoison,
                        before == null
                                ? "not compared (GET /strategy/parameters failed at the start)"
                                : paramsKept ? "unchanged" : "CHANGED during the poison")));
        return out;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
