package io.steadystate.soak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KafkaPerfToolsTest {

    @Test
    void parsesTheProducerSummaryLineNotTheProgressLines() {
        String out = """
                [2026-11-22 02:44:30,001] WARN something (org.apache.kafka…)
                150000 records sent, 29988.0 records/sec (1.86 MB/sec), 512.3 ms avg latency, 1020.0 ms max latency.
                300000 records sent, 61639.613725 records/sec (3.82 MB/sec), 731.31 ms avg latency, 1377.00 ms max latency, 838 ms 50th, 1074 ms 95th, 1344 ms 99th, 1369 ms 99.9th.
                """;
        KafkaPerfTools.ProducerFigures f = KafkaPerfTools.parseProducer(out);
        assertThat(f).isNotNull();
        assertThat(f.records()).isEqualTo(300_000);
        assertThat(f.perSec()).isEqualTo(61639.613725);
        assertThat(f.mbPerSec()).isEqualTo(3.82);
        assertThat(f.p50Ms()).isEqualTo(838);
        assertThat(f.p99Ms()).isEqualTo(1344);
        assertThat(KafkaPerfTools.parseProducer("no summary")).isNull();
    }

    @Test
    void parsesTheConsumerCsv() {
        String out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-22 02:44:37:934, 2026-11-22 02:44:40:419, 18.5966, 7.4836, 300000, 120724.3461, 1144, 1341, 13.8677, 223713.6465
                """;
        KafkaPerfTools.ConsumerFigures f = KafkaPerfTools.parseConsumer(out);
        assertThat(f).isNotNull();
        assertThat(f.records()).isEqualTo(300_000);
        assertThat(f.perSec()).isEqualTo(120724.3461);
        assertThat(f.fetchPerSec()).isEqualTo(223713.6465);
        assertThat(KafkaPerfTools.parseConsumer("start.time, end.time\n")).isNull();
    }
}
