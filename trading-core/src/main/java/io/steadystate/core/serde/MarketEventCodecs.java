package io.steadystate.core.serde;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.state.Bounded;
import java.nio.ByteBuffer;
import java.util.List;

/** Layouts of the market events. A tick with a 4-character symbol is 3 + 62 = 65 bytes. */
final class MarketEventCodecs {

    private MarketEventCodecs() {}

    static final Codec<Tick> TICK = new Codec<>() {
        public Class<Tick> type() {
            return Tick.class;
        }

        public byte tag() {
            return 1;
        }

        public byte version() {
            return 1;
        }

        public int size(Tick t) {
            return Wire.stringSize(t.symbol()) + 8 * 7;
        }

        public void write(Tick t, ByteBuffer out) {
            Wire.putString(out, t.symbol());
            out.putLong(t.eventTime())
                    .putLong(t.sequence())
                    .putDouble(t.price())
                    .putDouble(t.bid())
                    .putDouble(t.ask())
                    .putLong(t.size())
                    .putLong(t.originMicros());
        }

        public Tick read(byte version, ByteBuffer in) {
            return new Tick(
                    Wire.getString(in),
                    in.getLong(),
                    in.getLong(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getLong(),
                    in.getLong());
        }
    };

    static final Codec<SymbolListed> LISTED = new Codec<>() {
        public Class<SymbolListed> type() {
            return SymbolListed.class;
        }

        public byte tag() {
            return 2;
        }

        public byte version() {
            return 1;
        }

        public int size(SymbolListed e) {
            return Wire.stringSize(e.symbol()) + 16;
        }

        public void write(SymbolListed e, ByteBuffer out) {
            Wire.putString(out, e.symbol());
            out.putLong(e.eventTime()).putDouble(e.referencePrice());
        }

        public SymbolListed read(byte version, ByteBuffer in) {
            return new SymbolListed(Wire.getString(in), in.getLong(), in.getDouble());
        }
    };

    static final Codec<SymbolDelisted> DELISTED = new Codec<>() {
        public Class<SymbolDelisted> type() {
            return SymbolDelisted.class;
        }

        public byte tag() {
            return 3;
        }

        public byte version() {
            return 1;
        }

        public int size(SymbolDelisted e) {
            return Wire.stringSize(e.symbol()) + 8 + Wire.stringSize(e.reason());
        }

        public void write(SymbolDelisted e, ByteBuffer out) {
            Wire.putString(out, e.symbol());
            out.putLong(e.eventTime());
            Wire.putString(out, e.reason());
        }

        public SymbolDelisted read(byte version, ByteBuffer in) {
            return new SymbolDelisted(Wire.getString(in), in.getLong(), Wire.getString(in));
        }
    };

    static final Codec<SessionOpened> SESSION_OPENED = new Codec<>() {
        public Class<SessionOpened> type() {
            return SessionOpened.class;
        }

        public byte tag() {
            return 4;
        }

        public byte version() {
            return 1;
        }

        public int size(SessionOpened e) {
            return 12;
        }

        public void write(SessionOpened e, ByteBuffer out) {
            out.putLong(e.eventTime()).putInt(e.tradingDay());
        }

        public SessionOpened read(byte version, ByteBuffer in) {
            return new SessionOpened(in.getLong(), in.getInt());
        }
    };

    static final Codec<SessionClosed> SESSION_CLOSED = new Codec<>() {
        public Class<SessionClosed> type() {
            return SessionClosed.class;
        }

        public byte tag() {
            return 5;
        }

        public byte version() {
            return 1;
        }

        public int size(SessionClosed e) {
            return 12;
        }

        public void write(SessionClosed e, ByteBuffer out) {
            out.putLong(e.eventTime()).putInt(e.tradingDay());
        }

        public SessionClosed read(byte version, ByteBuffer in) {
            return new SessionClosed(in.getLong(), in.getInt());
        }
    };

    static final Codec<DayRolled> DAY_ROLLED = new Codec<>() {
        public Class<DayRolled> type() {
            return DayRolled.class;
        }

        public byte tag() {
            return 6;
        }

        public byte version() {
            return 1;
        }

        public int size(DayRolled e) {
            return 12;
        }

        public void write(DayRolled e, ByteBuffer out) {
            out.putLong(e.eventTime()).putInt(e.newTradingDay());
        }

        public DayRolled read(byte version, ByteBuffer in) {
            return new DayRolled(in.getLong(), in.getInt());
        }
    };

    @Bounded("immutable List.of the six market event codecs")
    static final List<Codec<?>> ALL = List.of(TICK, LISTED, DELISTED, SESSION_OPENED, SESSION_CLOSED, DAY_ROLLED);
}
