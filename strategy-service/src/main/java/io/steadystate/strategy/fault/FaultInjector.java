package io.steadystate.strategy.fault;

import io.micrometer.core.instrument.MeterRegistry;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.Bounded;
import io.steadystate.core.state.ExitCause;
import io.steadystate.kit.fault.FaultConfig;
import io.steadystate.kit.fault.FaultSwitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Positive controls for the soak harness: re-creates seed 000's leaks on purpose when
 * {@code steadystate.fault.mode} says so. The only code of this service allowed to hold unbounded collections.
 * Exported as {@code steadystate_fault_active} (1 when on) and {@code steadystate_fault_leaked_objects}.
 */
public final class FaultInjector {

    private static final String SERVICE = "strategy-service";

    private final FaultMode mode;
    private final int rate;
    private final AtomicLong leaked = new AtomicLong();
    private long retirements;

    @Bounded("fault injection: unbounded on purpose, off by default")
    private final List<LeakedPricePoint> rallyCache = new ArrayList<>();

    @Bounded("fault injection: unbounded on purpose, off by default")
    private final Map<Long, Object> symbolManagers = new HashMap<>();

    /**
     * bytes-per-kilotick: a {@code byte[1008]} is 1,024 bytes on a 64-bit JVM with compressed class pointers (16-byte
     * header), plus a 4-byte list slot: a block is within 0.5 % of {@value #BLOCK_BYTES} retained bytes.
     */
    static final int BLOCK_BYTES = 1024;

    private static final int BLOCK_PAYLOAD = BLOCK_BYTES - 16;

    @Bounded("fault injection: unbounded on purpose, off by default")
    private final List<byte[]> calibratedBlocks = new ArrayList<>();
    /** Bytes owed per 1,000 ticks, in thousandths of a byte: integer so 0.1 byte/tick accumulates exactly. */
    private long owedMilliBytes;

    public FaultInjector(FaultMode mode, int rate, MeterRegistry registry) {
        this(new FaultSwitch(SERVICE, FaultMode.names(), mode.configName(), rate), registry);
    }

    /** From {@code steadystate.fault.*}: service-kit's switch decides (another service's mode leaves this one clean). */
    public static FaultInjector from(FaultConfig config, MeterRegistry registry) {
        return new FaultInjector(new FaultSwitch(SERVICE, FaultMode.names(), config), registry);
    }

    private FaultInjector(FaultSwitch fault, MeterRegistry registry) {
        this.mode = FaultMode.parse(fault.mode());
        this.rate = fault.rate();
        fault.bindGauges(registry, leaked, AtomicLong::get);
    }

    @Bounded("two gauges with constant names and no tags: registering again finds the same meters")
    public static FaultInjector off(MeterRegistry registry) {
        return new FaultInjector(FaultMode.NONE, 1, registry);
    }

    public FaultMode mode() {
        return mode;
    }

    public long leakedObjects() {
        return leaked.get();
    }

    /** rally-cache: appends {@code rate} price points per tick to one list shared by all symbols. */
    public void onTick(Tick tick) {
        if (mode == FaultMode.BYTES_PER_KILOTICK) {
            retainCalibrated();
            return;
        }
        if (mode != FaultMode.RALLY_CACHE) {
            return;
        }
        synchronized (rallyCache) {
            for (int i = 0; i < rate; i++) {
                rallyCache.add(new LeakedPricePoint(tick.symbol(), tick.eventTime(), tick.price()));
            }
        }
        leaked.addAndGet(rate);
    }

    /** bytes-per-kilotick: {@code rate} bytes owed per 1,000 ticks; a 1 KiB block retained each time 1 KiB is owed. */
    private void retainCalibrated() {
        synchronized (calibratedBlocks) {
            owedMilliBytes += rate;
            while (owedMilliBytes >= BLOCK_BYTES * 1000L) {
                calibratedBlocks.add(new byte[BLOCK_PAYLOAD]);
                owedMilliBytes -= BLOCK_BYTES * 1000L;
                leaked.incrementAndGet();
            }
        }
    }

    /** symbol-managers: keeps a symbol's whole state after it left the store, under a fresh key each time. */
    public void onSymbolExit(String symbol, Object state, ExitCause cause) {
        if (mode != FaultMode.SYMBOL_MANAGERS) {
            return;
        }
        synchronized (symbolManagers) {
            symbolManagers.put(retirements++, state);
        }
        leaked.incrementAndGet();
    }
}
