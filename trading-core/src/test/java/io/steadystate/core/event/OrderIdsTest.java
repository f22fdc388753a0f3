package io.steadystate.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Ids nest (M-<client id>, S-<signal id>, <entry>/SL): an id from outside can never pose as another's child. */
class OrderIdsTest {

    private static OrderCommand manual(String orderId) {
        return new OrderCommand(
                orderId, "", "ACME", 11, Side.BUY, OrderType.MARKET, 1, 0, 95, 110, TimeInForce.GTC, 0, 0);
    }

    @Test
    void aClientIdCannotBeTheStopLossChildOfAnother() {
        String childOfA = OrderCommand.childId(OrderCommand.idForClientOrder("A"), OrderRole.STOP_LOSS);
        assertThat(childOfA).isEqualTo("M-A/SL");
        assertThatThrownBy(() -> OrderCommand.idForClientOrder("A/SL"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clientOrderId 'A/SL' has character '/' (allowed: A-Z a-z 0-9 . _ -)");
        assertThatThrownBy(() -> manual(childOfA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientOrderId 'A/SL'");
    }

    @Test
    void clientIdsAreOneToSixtyFourSafeCharacters() {
        assertThat(OrderCommand.idForClientOrder("soak-4711-12_v.2")).isEqualTo("M-soak-4711-12_v.2");
        assertThat(manual(OrderCommand.idForClientOrder("x".repeat(64))).orderId())
                .hasSize(66);
        assertThatThrownBy(() -> OrderCommand.idForClientOrder("x".repeat(65)))
                .hasMessage("clientOrderId must be 1..64 characters, was 65 characters");
        assertThatThrownBy(() -> OrderCommand.idForClientOrder("")).hasMessageContaining("1..64");
        assertThatThrownBy(() -> OrderCommand.idForClientOrder(null)).hasMessageContaining("was missing");
        for (String bad : new String[] {"a b", "a:b", "ä", "a\nb", "a%2FSL", "a\\SL"}) {
            assertThatThrownBy(() -> OrderCommand.idForClientOrder(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has character");
        }
    }

    @Test
    void signalIdsKeepTheirColonsButNoSlash() {
        String id = Signal.idFor("BRK.B", 73, -60_000L);
        Signal signal = new Signal(id, "BRK.B", 73, Side.BUY, 100, 95, 110, 1, -60_000L, 0, 0);
        assertThat(OrderCommand.idForSignal(signal.id())).isEqualTo("S-BRK.B:73:-60000");
        assertThatThrownBy(() -> new Signal("X/SL", "ACME", 11, Side.BUY, 100, 95, 110, 1, 0, 0, 0))
                .hasMessageContaining("signal id 'X/SL' has character '/'");
        assertThatThrownBy(() -> manual("S-X/TP")).hasMessageContaining("signal id 'X/TP' has character '/'");
        assertThatThrownBy(() -> manual("plain/SL")).hasMessageContaining("orderId 'plain/SL' has character '/'");
    }
}
