package io.steadystate.soak.poison;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The bytes of each {@link PoisonKind}, written field by field in the wire format of trading-core's serde
 * ({@code [0x53][tag][version][body]}, big-endian, length-prefixed UTF-8) — by hand, because the domain records
 * refuse to exist with a NaN price, so the serde could never write one.
 *
 * <p>Live records use a real symbol (from market-data) so that a hostile time or price is aimed at state that
 * exists; the unknown symbol is one outside the symbol alphabet (lower case and '/', which no listing can carry).
 */
final class PoisonRecords {

    static final byte MAGIC = 0x53;
    static final byte TICK = 1;
    static final byte SIGNAL = 10;
    static final byte SLOT_PARAMETERS = 30;
    /** 2099-06-01: inside the event-time guard's absolute window, far more than 7 days ahead of any service clock. */
    static final long FAR_FUTURE = 4_084_473_600_000L;
    /** 1999-12-31: before the guard's floor 2000-01-01 (a clock that ran backwards). */
    static final long BACKWARDS = 946_598_400_000L;
    /** A bracket-sized slot id that exists (M1/S1#11): the older-version row targets real state. */
    static final int REAL_SLOT = 11;

    private final Random random;

    PoisonRecords(long seed) {
        this.random = new Random(seed);
    }

    /** The record value of {@code kind} number {@code n}; {@code symbol} a live symbol, {@code now} a plausible time. */
    byte[] value(PoisonKind kind, long n, String symbol, long now) {
        return switch (kind) {
            case TICK_GARBAGE, SIGNAL_GARBAGE, PARAMS_GARBAGE -> garbage();
            case TICK_TRUNCATED -> Arrays.copyOf(tick(symbol, now, 1, 100, 100, 100), 12);
            case TICK_WRONG_VERSION -> version(tick(symbol, now, 1, 100, 100, 100));
            case TICK_OVERSIZED -> oversized(tick(symbol, now, 1, 100, 100, 100));
            case TICK_NAN_PRICE -> tick(symbol, now, 1, Double.NaN, 100, 100);
            case TICK_NEGATIVE_PRICE -> tick(symbol, now, 1, -100, -100.5, -99.5);
            case TICK_HUGE_PRICE -> tick(symbol, now, 1, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);
            case TICK_UNKNOWN_SYMBOL -> tick("poison/" + n % 10, now, 1, 100, 100, 100);
            case TICK_FAR_FUTURE -> tick(symbol, FAR_FUTURE, 1, 100, 100, 100);
            case TICK_BACKWARDS -> tick(symbol, BACKWARDS, 1, 100, 100, 100);
            case SIGNAL_TRUNCATED -> Arrays.copyOf(signal(n, symbol, now, 100, 1), 15);
            case SIGNAL_WRONG_VERSION -> version(signal(n, symbol, now, 100, 1));
            case SIGNAL_OVERSIZED -> oversized(signal(n, symbol, now, 100, 1));
            case SIGNAL_NAN_PRICE -> signal(n, symbol, now, Double.NaN, 1);
            case SIGNAL_NEGATIVE_PRICE -> signal(n, symbol, now, 100, -1);
            case SIGNAL_HUGE_PRICE -> signal(n, symbol, now, Double.MAX_VALUE / 4, 1);
            case SIGNAL_UNKNOWN_SYMBOL -> signal(n, "poison/" + n % 10, now, 100, 1);
            case SIGNAL_FAR_FUTURE -> signal(n, symbol, FAR_FUTURE, 100, 1);
            case SIGNAL_BACKWARDS -> signal(n, symbol, BACKWARDS, 100, 1);
            case PARAMS_TRUNCATED -> Arrays.copyOf(params(REAL_SLOT, 100, 0.1, 1, 1_000_000), 9);
            case PARAMS_WRONG_VERSION -> version(params(REAL_SLOT, 100, 0.1, 1, 1_000_000));
            case PARAMS_OVERSIZED -> oversized(params(REAL_SLOT, 100, 0.1, 1, 1_000_000));
            case PARAMS_NAN -> params(REAL_SLOT, 100, Double.NaN, 1, 1_000_000);
            case PARAMS_NEGATIVE -> params(REAL_SLOT, -100, 0.1, 1, 1_000_000);
            case PARAMS_HUGE -> params(REAL_SLOT, 100, 0.1, 1e300, 1_000_000);
            case PARAMS_UNKNOWN_SLOT -> params(999, 100, 0.1, 1, 1_000_000);
            case PARAMS_OLDER_VERSION -> params(REAL_SLOT, 100, 0.1, 1, -1);
        };
    }

    /**
     * The record as the poison producer sends it: key and value, <b>no headers</b>. In particular never
     * {@code steadystate.producer} (trading-core {@code ProducerOrigin}): market-data resumes a restart only from
     * records stamped with it, and the poison must stay what it is — a stranger on the topic — not forge its way
     * into the market's clock (PoisonRecordsTest).
     */
    ProducerRecord<String, byte[]> record(PoisonKind kind, long n, String symbol, long now) {
        return new ProducerRecord<>(kind.topic(), key(kind, n, symbol), value(kind, n, symbol, now));
    }

    /** The record key: the symbol for market.events and strategy.signals, the slot id for strategy.params. */
    String key(PoisonKind kind, long n, String symbol) {
        return switch (kind.topic()) {
            case "strategy.params" ->
                kind == PoisonKind.PARAMS_OLDER_VERSION
                                || kind == PoisonKind.PARAMS_NAN
                                || kind == PoisonKind.PARAMS_NEGATIVE
                                || kind == PoisonKind.PARAMS_HUGE
                        ? Integer.toString(REAL_SLOT)
                        : kind == PoisonKind.PARAMS_UNKNOWN_SLOT ? "999" : "poison-" + n;
            default -> symbol;
        };
    }

    private byte[] garbage() {
        byte[] b = new byte[8 + random.nextInt(120)];
        random.nextBytes(b);
        b[0] = (byte) (b[0] == MAGIC ? 0x00 : b[0]);
        return b;
    }

    private static byte[] version(byte[] valid) {
        valid[2] = 99;
        return valid;
    }

    /** A valid record followed by 100 KiB: what a broken producer's buffer reuse would send. */
    private static byte[] oversized(byte[] valid) {
        return Arrays.copyOf(valid, valid.length + 100 * 1024);
    }

    static byte[] tick(String symbol, long eventTime, long sequence, double price, double bid, double ask) {
        byte[] s = symbol.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(3 + 2 + s.length + 8 * 7);
        b.put(MAGIC).put(TICK).put((byte) 1).putShort((short) s.length).put(s);
        b.putLong(eventTime)
                .putLong(sequence)
                .putDouble(price)
                .putDouble(bid)
                .putDouble(ask)
                .putLong(100)
                .putLong(eventTime * 1000);
        return b.array();
    }

    /** A BUY signal with a well-ordered bracket around {@code reference} (so only the hostile field is wrong). */
    static byte[] signal(long n, String symbol, long eventTime, double reference, double quantity) {
        byte[] id = ("poison:" + n).getBytes(StandardCharsets.UTF_8);
        byte[] s = symbol.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(3 + 2 + id.length + 2 + s.length + 4 + 1 + 8 * 7);
        b.put(MAGIC)
                .put(SIGNAL)
                .put((byte) 1)
                .putShort((short) id.length)
                .put(id)
                .putShort((short) s.length)
                .put(s);
        b.putInt(REAL_SLOT)
                .put((byte) 0)
                .putDouble(reference)
                .putDouble(reference * 0.99)
                .putDouble(reference * 1.01)
                .putDouble(quantity)
                .putLong(eventTime - 60_000)
                .putLong(eventTime)
                .putLong(eventTime * 1000);
        return b.array();
    }

    static byte[] params(int slotId, double lotSize, double threshold, double stopLossPct, long version) {
        ByteBuffer b = ByteBuffer.allocate(3 + 4 + 1 + 8 + 4 + 4 + 8 * 4);
        b.put(MAGIC).put(SLOT_PARAMETERS).put((byte) 1);
        b.putInt(slotId)
                .put((byte) 1)
                .putDouble(lotSize)
                .putInt(10)
                .putInt(5)
                .putDouble(Double.isNaN(threshold) ? Double.NaN : threshold)
                .putDouble(stopLossPct)
                .putDouble(2)
                .putLong(version);
        return b.array();
    }
}
