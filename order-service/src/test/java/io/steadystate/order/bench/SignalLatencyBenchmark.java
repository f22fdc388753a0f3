package io.steadystate.order.bench;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.kafka.Topics;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.OrderEventSerde;
import io.steadystate.core.serde.SignalSerde;
import io.steadystate.core.testkafka.RealKafka;
import io.steadystate.core.testkafka.TestRecords;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Not a test: {@code java -cp … SignalLatencyBenchmark [runs] [signalsPerSecond] [seconds]}. Starts an in-JVM
 * broker and the packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process on port
 * 18101, publishes signals at a fixed rate with {@code originMicros} = send time, and measures until the
 * ACCEPTED order event is read back from order.events: strategy → Kafka → order-service → Kafka → reader.
 */
public final class SignalLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double[] p50 = new double[runs];
        double[] p99 = new double[runs];
        try (RealKafka kafka = RealKafka.startWithTopics(3)) {
            for (int run = 0; run < runs; run++) {
                Histogram h = once(kafka.bootstrapServers(), run, rate, seconds);
                p50[run] = h.getValueAtPercentile(50) / 1000.0;
                p99[run] = h.getValueAtPercentile(99) / 1000.0;
                System.out.printf(
                        "run %d: %d signals at %d/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        run + 1, h.getTotalCount(), rate, p50[run], p99[run], h.getMaxValue() / 1000.0);
            }
        }
        Arrays.sort(p50);
        Arrays.sort(p99);
        System.out.printf(
                "median of %d runs: signal->order p50 %.2f ms, p99 %.2f ms%n", runs, p50[runs / 2], p99[runs / 2]);
    }

    private static Histogram once(String bootstrap, int run, int rate, int seconds) throws Exception {
        Process service = new ProcessBuilder(
                        "java",
                        "-Xmx256m",
                        "-Dkafka.bootstrap.servers=" + bootstrap,
                        "-Dquarkus.http.port=18101",
                        "-Dsteadystate.order.max-orders-per-second=1000000",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(new File("target/latency-service-" + run + ".log"))
                .start();
        try {
            awaitReady();
            int total = rate * seconds;
            int symbols = total / 21 + 1;
            long t = 1_767_623_400_000L + run * 86_400_000L;
            MarketEventSerde market = new MarketEventSerde();
            SignalSerde signals = new SignalSerde();
            OrderEventSerde events = new OrderEventSerde();
            Histogram h = new Histogram(60_000_000L, 3);
            try (KafkaProducer<String, byte[]> p = TestRecords.producer(bootstrap);
                    KafkaConsumer<String, byte[]> c = TestRecords.consumer(bootstrap, Topics.ORDER_EVENTS)) {
                for (int s = 0; s < symbols; s++) {
                    String sym = "R" + run + "X" + s;
                    p.send(new ProducerRecord<>(
                            Topics.MARKET_EVENTS, sym, market.encode(new SymbolListed(sym, ++t, 100))));
                    p.send(new ProducerRecord<>(
                            Topics.MARKET_EVENTS, sym, market.encode(new Tick(sym, ++t, 1, 100, 99.99, 100.01, 1, 0))));
                }
                p.flush();
                Thread.sleep(2_000); // let the service see the listings
                c.poll(Duration.ofMillis(500));
                c.seekToEnd(c.assignment());
                long intervalNanos = 1_000_000_000L / rate;
                long next = System.nanoTime();
                long warmUpEnds = next + 5_000_000_000L; // a fresh JVM: the first 5 s are JIT warm-up, not recorded
                int recorded = 0;
                int sent = 0;
                String prefix = "R" + run + "X";
                while (recorded < total && System.nanoTime() < next + 30_000_000_000L) {
                    while (sent < total && System.nanoTime() >= next) {
                        String sym = prefix + (sent / 21);
                        int slotIndex = sent % 21;
                        int slot = (slotIndex / 3 + 1) * 10 + slotIndex % 3 + 1;
                        long micros = micros();
                        Signal sig = new Signal(
                                Signal.idFor(sym, slot, t), sym, slot, Side.BUY, 100, 95, 110, 1, t, ++t, micros);
                        p.send(new ProducerRecord<>(Topics.SIGNALS, sym, signals.encode(sig)));
                        sent++;
                        next += intervalNanos;
                    }
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(1))) {
                        OrderEvent e = events.decode(r.value());
                        if (e.status() == OrderStatus.ACCEPTED
                                && e.symbol().startsWith(prefix)
                                && e.originMicros() > 0) {
                            recorded++;
                            if (System.nanoTime() > warmUpEnds) {
                                h.recordValue(Math.max(0, micros() - e.originMicros()));
                            }
                        }
                    }
                }
            }
            String metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:18101/q/metrics"))
                                    .header("Accept", "text/plain")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            double count = 0, sum = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("steadystate_order_signal_to_order_seconds_count")) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("steadystate_order_signal_to_order_seconds_sum")) {
                    sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            // leave no open brackets behind for the next run (it would recover them): kill switch on, then off
            for (String on : new String[] {"true", "false"}) {
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:18101/risk/kill-switch"))
                                        .header("Authorization", "Bearer steadystate-local")
                                        .header("Content-Type", "application/json")
                                        .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + on + "}"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
            }
            Thread.sleep(500);
            System.out.printf(
                    "  service-side signal_to_order (origin -> engine decision): n=%.0f mean %.2f ms%n",
                    count, count == 0 ? 0 : sum / count * 1000);
            return h;
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:18101/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("service not ready in 60 s");
    }
}
