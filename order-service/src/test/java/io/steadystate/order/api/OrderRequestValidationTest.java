package io.steadystate.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.steadystate.kit.api.RequestRefused;
import org.junit.jupiter.api.Test;

/** The REST validation applies trading-core's client id rule and answers with its message (→ 400). */
class OrderRequestValidationTest {

    private static OrderRequest withClientId(String clientOrderId) {
        return new OrderRequest(clientOrderId, "ACME", 11, "BUY", "MARKET", 1.0, null, 95.0, 110.0, "GTC");
    }

    @Test
    void aClientIdWithASlashIsABadRequestNamingTheCharacter() {
        assertThatThrownBy(() -> OrderResource.validate(withClientId("A/SL")))
                .isInstanceOf(RequestRefused.class)
                .hasMessage("clientOrderId 'A/SL' has character '/' (allowed: A-Z a-z 0-9 . _ -)");
    }

    @Test
    void aSafeClientIdPassesAndTooLongOneDoesNot() {
        assertThat(OrderResource.validate(withClientId("soak-1.a_B")).clientOrderId())
                .isEqualTo("soak-1.a_B");
        assertThatThrownBy(() -> OrderResource.validate(withClientId("x".repeat(65))))
                .isInstanceOf(RequestRefused.class)
                .hasMessageContaining("1..64 characters");
    }
}
