package io.steadystate.core.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.Tick;
import io.steadystate.core.serde.MarketEventSerde;
import io.steadystate.core.serde.SignalSerde;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode + decode cost per record of the binary serde, with Jackson JSON of the same record as the baseline
 * measured in the same run. Run (not part of the test suite):
 * <pre>
 * ./mvnw -q -o test-compile -pl trading-core
 * java -cp "$(cat trading-core/target/test-classpath.txt)" org.openjdk.jmh.Main SerdeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerdeBenchmark {

    private final MarketEventSerde market = new MarketEventSerde();
    private final SignalSerde signals = new SignalSerde();
    private final ObjectMapper json = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private Tick tick;
    private Signal signal;

    @Setup
    public void setUp() {
        tick = new Tick("AAPL", 1_700_000_000_000L, 42, 101.25, 101.2, 101.3, 300, 123_456L);
        signal = new Signal(
                Signal.idFor("AAPL", 11, 1_700_000_000_000L),
                "AAPL",
                11,
                Side.BUY,
                100,
                98,
                104,
                10,
                1_700_000_000_000L,
                1_700_000_001_000L,
                1L);
    }

    @Benchmark
    public MarketEvent tickBinaryRoundTrip() {
        return market.decode(market.encode(tick));
    }

    @Benchmark
    public Tick tickJsonRoundTrip() throws Exception {
        return json.readValue(json.writeValueAsBytes(tick), Tick.class);
    }

    @Benchmark
    public Signal signalBinaryRoundTrip() {
        return signals.decode(signals.encode(signal));
    }

    @Benchmark
    public Signal signalJsonRoundTrip() throws Exception {
        return json.readValue(json.writeValueAsBytes(signal), Signal.class);
    }
}
