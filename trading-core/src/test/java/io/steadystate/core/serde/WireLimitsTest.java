package io.steadystate.core.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderRole;
import io.steadystate.core.event.OrderStatus;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.SymbolDelisted;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.core.serde.UndecodableRecordException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The writer refuses exactly what the reader refuses: one limit, one notion of valid text, on both sides. */
class WireLimitsTest {

    private final MarketEventSerde market = new MarketEventSerde();
    private final OrderEventSerde orders = new OrderEventSerde();

    private static OrderEvent rejectedWith(String reason) {
        return new OrderEvent(
                "S-x",
                "S-x",
                "x",
                "AAPL",
                11,
                OrderRole.ENTRY,
                OrderStatus.REJECTED,
                Side.BUY,
                OrderType.MARKET,
                TimeInForce.GTC,
                1,
                0,
                0,
                reason,
                1,
                2);
    }

    @Test
    void aStringOfExactlyTheLimitRoundTrips() {
        OrderEvent atLimit = rejectedWith("r".repeat(Wire.MAX_STRING));
        assertThat(orders.decode(orders.encode(atLimit))).isEqualTo(atLimit);
        SymbolDelisted multiByte = new SymbolDelisted("OLDCO", 1, "é".repeat(Wire.MAX_STRING / 2));
        assertThat(market.decode(market.encode(multiByte))).isEqualTo(multiByte);
    }

    @Test
    void oneByteOverTheLimitIsRefusedByTheWriterAsByTheReader() {
        assertThatThrownBy(() -> orders.encode(rejectedWith("r".repeat(Wire.MAX_STRING + 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("string of 4097 UTF-8 bytes exceeds the 4096 a reader accepts");
        // counted in bytes, not characters: 2,049 two-byte characters are 4,098 bytes
        assertThatThrownBy(() -> market.encode(new SymbolDelisted("OLDCO", 1, "é".repeat(Wire.MAX_STRING / 2 + 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4098 UTF-8 bytes");

        byte[] body = market.encode(new SymbolDelisted("OLDCO", 1, "x"));
        byte[] tooLong = withReason(body, Wire.MAX_STRING + 1);
        assertThatThrownBy(() -> market.decode(tooLong))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("string of 4097 bytes exceeds 4096")
                .extracting(e -> ((UndecodableRecordException) e).reason())
                .isEqualTo(Reason.INVALID_VALUE);
    }

    @Test
    void aStringPastTheLengthPrefixIsRefusedNotWrapped() {
        // 65,537 bytes used to be written with the length 1: a record that decoded as something else or not at all
        assertThatThrownBy(() -> orders.encode(rejectedWith("r".repeat(65_537))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65537 UTF-8 bytes");
    }

    @Test
    void textThatIsNotUnicodeIsRefusedOnBothSides() {
        assertThatThrownBy(() -> market.encode(new SymbolDelisted("OLDCO", 1, "half \uD83D pair")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
        SymbolDelisted emoji = new SymbolDelisted("OLDCO", 1, "merger \uD83D\uDCC8");
        assertThat(market.decode(market.encode(emoji))).isEqualTo(emoji);

        byte[] encoded = market.encode(new SymbolDelisted("OLDCO", 1, "ab"));
        encoded[encoded.length - 2] = (byte) 0xC3; // a lead byte followed by 'b': malformed UTF-8
        assertThatThrownBy(() -> market.decode(encoded))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("not valid UTF-8")
                .extracting(e -> ((UndecodableRecordException) e).reason())
                .isEqualTo(Reason.INVALID_VALUE);
    }

    @Test
    void aBooleanIsZeroOrOne() {
        SlotParametersSerde serde = new SlotParametersSerde();
        byte[] row = serde.encode(new SlotParameters(11, true, 1, 10, 5, 0, 1, 2, 1));
        assertThat(row[Wire.HEADER + 4]).isEqualTo((byte) 1);
        row[Wire.HEADER + 4] = 7;
        assertThatThrownBy(() -> serde.decode(row))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("enabled must be 0 or 1, was 7");
    }

    /** A SymbolDelisted record whose reason length prefix says {@code length}, with that many bytes after it. */
    private static byte[] withReason(byte[] encodedWithOneByteReason, int length) {
        int prefixAt = encodedWithOneByteReason.length - 3;
        ByteBuffer out = ByteBuffer.allocate(prefixAt + 2 + length);
        out.put(encodedWithOneByteReason, 0, prefixAt).putShort((short) length);
        out.put("x".repeat(length).getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }
}
