package io.steadystate.core.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steadystate.core.event.DayRolled;
import io.steadystate.core.event.MarketEvent;
import io.steadystate.core.event.OrderCommand;
import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Position;
import io.steadystate.core.event.SessionClosed;
import io.steadystate.core.event.SessionOpened;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.Signal;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.SymbolListed;
import io.steadystate.core.event.Tick;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.serde.UndecodableRecordException.Reason;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerdeTest {

    static final Tick TICK = new Tick("AAPL", 1_700_000_000_000L, 42, 101.25, 101.2, 101.3, 300, 123_456L);

    private final MarketEventSerde market = new MarketEventSerde();

    @Test
    void everyMarketEventRoundTrips() {
        List<MarketEvent> events = List.of(
                TICK,
                new SymbolListed("NEWCO", 5L, 12.5),
                new SymbolDelisted("OLDCO", 6L, "churn"),
                new SessionOpened(7L, 19_700),
                new SessionClosed(8L, 19_700),
                new DayRolled(9L, 19_701));
        for (MarketEvent event : events) {
            assertThat(market.decode(market.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void aTickIsSixtyFiveBytes() {
        assertThat(market.encode(TICK)).hasSize(65);
    }

    @Test
    void tradingRecordsRoundTrip() {
        Signal signal =
                new Signal(Signal.idFor("AAPL", 11, 60_000), "AAPL", 11, Side.BUY, 100, 98, 104, 10, 60_000, 61_000, 7);
        assertThat(new SignalSerde().decode(new SignalSerde().encode(signal))).isEqualTo(signal);

        OrderCommand command = new OrderCommand(
                "S-x", "x", "AAPL", 11, Side.SELL, OrderType.LIMIT, 5, 100, 102, 95, TimeInForce.DAY, 1, 2);
        assertThat(new OrderCommandSerde().decode(new OrderCommandSerde().encode(command)))
                .isEqualTo(command);

        OrderEvent event = new OrderEvent(
                "S-x/SL",
                "S-x",
                "x",
                "AAPL",
                11,
                OrderRole.STOP_LOSS,
                OrderStatus.CANCELLED,
                Side.BUY,
                OrderType.STOP,
                TimeInForce.GTC,
                5,
                102,
                0,
                "OCO: take-profit filled",
                3,
                4);
        assertThat(new OrderEventSerde().decode(new OrderEventSerde().encode(event)))
                .isEqualTo(event);

        Position position = new Position("AAPL", 11, -5, 100, 12.5, -1.25, 100.25, 9);
        assertThat(new PositionSerde().decode(new PositionSerde().encode(position)))
                .isEqualTo(position);

        SlotParameters params = new SlotParameters(73, true, 1.5, 20, 5, 30, 2, 4, 3);
        assertThat(new SlotParametersSerde().decode(new SlotParametersSerde().encode(params)))
                .isEqualTo(params);
    }

    @Test
    void nonAsciiTextSurvives() {
        SymbolDelisted e = new SymbolDelisted("ABC", 1, "radiée — fusion");
        assertThat(market.decode(market.encode(e))).isEqualTo(e);
    }

    @Test
    void garbageBytesAreRejectedWithAClearReason() {
        assertReason(new byte[0], Reason.EMPTY);
        assertReason(new byte[] {0x53}, Reason.TRUNCATED);
        assertReason("{\"symbol\":\"AAPL\"}".getBytes(), Reason.BAD_MAGIC);
        assertReason(new byte[] {0x53, 99, 1}, Reason.UNKNOWN_TYPE);
        assertReason(new byte[] {0x53, -5, 1}, Reason.UNKNOWN_TYPE);
        byte[] tick = market.encode(TICK);
        assertReason(Arrays.copyOf(tick, tick.length - 4), Reason.TRUNCATED);
        assertReason(Arrays.copyOf(tick, tick.length + 2), Reason.TRAILING_BYTES);
    }

    @Test
    void unknownSchemaVersionsAreRejected() {
        byte[] tick = market.encode(TICK);
        tick[2] = 2;
        assertThatThrownBy(() -> market.decode(tick))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("schema version 2 unknown")
                .extracting(e -> ((UndecodableRecordException) e).reason())
                .isEqualTo(Reason.UNKNOWN_VERSION);
        tick[2] = 0;
        assertReason(tick, Reason.UNKNOWN_VERSION);
    }

    @Test
    void invalidValuesAreRejectedNotConstructed() {
        byte[] tick = market.encode(TICK);
        // price is the third 8-byte field after the 2+4 byte symbol: overwrite it with NaN
        java.nio.ByteBuffer.wrap(tick).putDouble(3 + 6 + 16, Double.NaN);
        assertThatThrownBy(() -> market.decode(tick))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("price must be a positive finite number");
    }

    @Test
    void aPriceNoMarketQuotesIsAnInvalidValue() {
        // Double.MAX_VALUE is finite and positive: it used to enter strategy's bars and make a fill price infinite
        byte[] tick = market.encode(TICK);
        java.nio.ByteBuffer.wrap(tick).putDouble(3 + 6 + 16, Double.MAX_VALUE);
        assertReason(tick, Reason.INVALID_VALUE);
        assertThatThrownBy(() -> market.decode(tick))
                .hasMessageContaining("price")
                .hasMessageContaining("over the");
        assertThatThrownBy(() -> new Tick("AAPL", 1, 1, 2e9, 2e9, 2e9, 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Tick("BRK.A", 1, 1, 7e5, 7e5, 7e5, 100, 0).price())
                .as("a real dear share")
                .isEqualTo(7e5);
    }

    @Test
    void aRecordOfAnotherTopicIsAnUnknownTypeHere() {
        byte[] params = new SlotParametersSerde().encode(new SlotParameters(11, true, 1, 10, 5, 0, 1, 2, 1));
        assertReason(params, Reason.UNKNOWN_TYPE);
    }

    @Test
    void tombstonesStayNull() {
        assertThat(new PositionSerde().deserialize("order.positions", null)).isNull();
    }

    private void assertReason(byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> market.decode(bytes))
                .isInstanceOf(UndecodableRecordException.class)
                .extracting(e -> ((UndecodableRecordException) e).reason())
                .isEqualTo(reason);
    }
}
