package io.steadystate.core.serde;

import io.steadystate.core.event.OrderCommand;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.TimeInForce;
import java.nio.ByteBuffer;

/** Layouts of signals, order commands and events, positions and slot parameters. */
final class TradingCodecs {

    private static final Side[] SIDES = Side.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final OrderRole[] ROLES = OrderRole.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();

    private TradingCodecs() {}

    static final Codec<Signal> SIGNAL = new Codec<>() {
        public Class<Signal> type() {
            return Signal.class;
        }

        public byte tag() {
            return 10;
        }

        public byte version() {
            return 1;
        }

        public int size(Signal s) {
            return Wire.stringSize(s.id()) + Wire.stringSize(s.symbol()) + 4 + 1 + 8 * 7;
        }

        public void write(Signal s, ByteBuffer out) {
            Wire.putString(out, s.id());
            Wire.putString(out, s.symbol());
            out.putInt(s.slotId())
                    .put((byte) s.side().ordinal())
                    .putDouble(s.referencePrice())
                    .putDouble(s.stopLoss())
                    .putDouble(s.takeProfit())
                    .putDouble(s.quantity())
                    .putLong(s.barTime())
                    .putLong(s.eventTime())
                    .putLong(s.originMicros());
        }

        public Signal read(byte version, ByteBuffer in) {
            return new Signal(
                    Wire.getString(in),
                    Wire.getString(in),
                    in.getInt(),
                    Wire.getEnum(in, SIDES, "side"),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getLong(),
                    in.getLong(),
                    in.getLong());
        }
    };

    static final Codec<OrderCommand> ORDER_COMMAND = new Codec<>() {
        public Class<OrderCommand> type() {
            return OrderCommand.class;
        }

        public byte tag() {
            return 20;
        }

        public byte version() {
            return 1;
        }

        public int size(OrderCommand c) {
            return Wire.stringSize(c.orderId())
                    + Wire.stringSize(c.signalId())
                    + Wire.stringSize(c.symbol())
                    + 4
                    + 3
                    + 8 * 6;
        }

        public void write(OrderCommand c, ByteBuffer out) {
            Wire.putString(out, c.orderId());
            Wire.putString(out, c.signalId());
            Wire.putString(out, c.symbol());
            out.putInt(c.slotId())
                    .put((byte) c.side().ordinal())
                    .put((byte) c.type().ordinal())
                    .put((byte) c.timeInForce().ordinal())
                    .putDouble(c.quantity())
                    .putDouble(c.limitPrice())
                    .putDouble(c.stopLoss())
                    .putDouble(c.takeProfit())
                    .putLong(c.eventTime())
                    .putLong(c.originMicros());
        }

        public OrderCommand read(byte version, ByteBuffer in) {
            String orderId = Wire.getString(in);
            String signalId = Wire.getString(in);
            String symbol = Wire.getString(in);
            int slot = in.getInt();
            Side side = Wire.getEnum(in, SIDES, "side");
            OrderType type = Wire.getEnum(in, TYPES, "type");
            TimeInForce tif = Wire.getEnum(in, TIFS, "timeInForce");
            return new OrderCommand(
                    orderId,
                    signalId,
                    symbol,
                    slot,
                    side,
                    type,
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    tif,
                    in.getLong(),
                    in.getLong());
        }
    };

    static final Codec<OrderEvent> ORDER_EVENT = new Codec<>() {
        public Class<OrderEvent> type() {
            return OrderEvent.class;
        }

        public byte tag() {
            return 21;
        }

        public byte version() {
            return 1;
        }

        public int size(OrderEvent e) {
            return Wire.stringSize(e.orderId())
                    + Wire.stringSize(e.entryId())
                    + Wire.stringSize(e.signalId())
                    + Wire.stringSize(e.symbol())
                    + 4
                    + 5
                    + 8 * 5
                    + Wire.stringSize(e.reason());
        }

        public void write(OrderEvent e, ByteBuffer out) {
            Wire.putString(out, e.orderId());
            Wire.putString(out, e.entryId());
            Wire.putString(out, e.signalId());
            Wire.putString(out, e.symbol());
            out.putInt(e.slotId())
                    .put((byte) e.role().ordinal())
                    .put((byte) e.status().ordinal())
                    .put((byte) e.side().ordinal())
                    .put((byte) e.type().ordinal())
                    .put((byte) e.timeInForce().ordinal())
                    .putDouble(e.quantity())
                    .putDouble(e.triggerPrice())
                    .putDouble(e.fillPrice());
            Wire.putString(out, e.reason());
            out.putLong(e.eventTime()).putLong(e.originMicros());
        }

        public OrderEvent read(byte version, ByteBuffer in) {
            String orderId = Wire.getString(in);
            String entryId = Wire.getString(in);
            String signalId = Wire.getString(in);
            String symbol = Wire.getString(in);
            int slot = in.getInt();
            OrderRole role = Wire.getEnum(in, ROLES, "role");
            OrderStatus status = Wire.getEnum(in, STATUSES, "status");
            Side side = Wire.getEnum(in, SIDES, "side");
            OrderType type = Wire.getEnum(in, TYPES, "type");
            TimeInForce tif = Wire.getEnum(in, TIFS, "timeInForce");
            double qty = in.getDouble();
            double trigger = in.getDouble();
            double fill = in.getDouble();
            String reason = Wire.getString(in);
            return new OrderEvent(
                    orderId,
                    entryId,
                    signalId,
                    symbol,
                    slot,
                    role,
                    status,
                    side,
                    type,
                    tif,
                    qty,
                    trigger,
                    fill,
                    reason,
                    in.getLong(),
                    in.getLong());
        }
    };

    static final Codec<Position> POSITION = new Codec<>() {
        public Class<Position> type() {
            return Position.class;
        }

        public byte tag() {
            return 22;
        }

        public byte version() {
            return 1;
        }

        public int size(Position p) {
            return Wire.stringSize(p.symbol()) + 4 + 8 * 6;
        }

        public void write(Position p, ByteBuffer out) {
            Wire.putString(out, p.symbol());
            out.putInt(p.slotId())
                    .putDouble(p.quantity())
                    .putDouble(p.averagePrice())
                    .putDouble(p.realisedPnl())
                    .putDouble(p.unrealisedPnl())
                    .putDouble(p.lastPrice())
                    .putLong(p.eventTime());
        }

        public Position read(byte version, ByteBuffer in) {
            return new Position(
                    Wire.getString(in),
                    in.getInt(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getLong());
        }
    };

    static final Codec<SlotParameters> SLOT_PARAMETERS = new Codec<>() {
        public Class<SlotParameters> type() {
            return SlotParameters.class;
        }

        public byte tag() {
            return 30;
        }

        public byte version() {
            return 1;
        }

        public int size(SlotParameters p) {
            return 4 + 1 + 8 + 4 + 4 + 8 * 4;
        }

        public void write(SlotParameters p, ByteBuffer out) {
            out.putInt(p.slotId())
                    .put((byte) (p.enabled() ? 1 : 0))
                    .putDouble(p.lotSize())
                    .putInt(p.period())
                    .putInt(p.secondaryPeriod())
                    .putDouble(p.threshold())
                    .putDouble(p.stopLossPct())
                    .putDouble(p.takeProfitPct())
                    .putLong(p.version());
        }

        public SlotParameters read(byte version, ByteBuffer in) {
            return new SlotParameters(
                    in.getInt(),
                    Wire.getBoolean(in, "enabled"),
                    in.getDouble(),
                    in.getInt(),
                    in.getInt(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getDouble(),
                    in.getLong());
        }
    };
}
