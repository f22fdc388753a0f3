package io.steadystate.order.recovery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.kit.delivery.KafkaClients;
import io.steadystate.kit.time.EpochMicros;
import io.steadystate.order.delivery.OrderDelivery;
import io.steadystate.order.fault.OrderTrackingLeak;
import io.steadystate.order.intake.ManualOrder;
import io.steadystate.order.intake.SubmitResult;
import io.steadystate.order.orders.EngineSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * One order-service process for the kill tests (a child JVM): the production {@link OrderDelivery} — engine,
 * publisher, partition ownership, state recovery, the service-kit loop — as Quarkus wires it, driven over stdin:
 * {@code submit <clientOrderId> <symbol>} answers {@code ANSWERED <outcome> <orderId>} only after the commit
 * (what POST /orders does), {@code find <orderId>} answers {@code FOUND <status>} or {@code MISSING}. Prints
 * {@code READY} once the loop is ready. The crash hook is service-kit's
 * {@code -Dsteadystate.delivery.halt-after-sends=k}.
 */
public final class OrderNode {

    public static final String GROUP = "order-service-kill-it";

    private OrderNode() {}

    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OrderDelivery delivery = new OrderDelivery(
                        new OrderDelivery.Settings(
                                args[0],
                                args[1],
                                GROUP,
                                EngineSettings.defaults(),
                                20_000,
                                Map.of(
                                        ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                                        300,
                                        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                                        6_000)),
                        registry,
                        OrderTrackingLeak.off(registry),
                        EpochMicros::now,
                        KafkaClients.PLAIN)
                .start();
        while (!delivery.loop().health().ready()) {
            Thread.sleep(50);
        }
        System.out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] w = line.trim().split(" ");
            if (w[0].equals("submit")) {
                ManualOrder order =
                        new ManualOrder(w[1], w[2], 11, Side.BUY, OrderType.LIMIT, 10, 90, 85, 120, TimeInForce.GTC);
                SubmitResult r =
                        delivery.mutations().committed(() -> delivery.engine().submitManual(order));
                System.out.println("ANSWERED " + r.outcome() + " "
                        + (r.order() == null ? "-" : r.order().orderId()));
            } else if (w[0].equals("find")) {
                System.out.println(delivery.engine()
                        .find(w[1])
                        .map(e -> "FOUND " + e.status())
                        .orElse("MISSING"));
            }
            System.out.flush();
        }
        delivery.close();
    }
}
