package io.steadystate.kit.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholderTokenRefusalTest {

    @Test
    void thePlaceholderStopsAProductionStart() {
        assertThatThrownBy(() -> new PlaceholderTokenRefusal(" change-me-before-deploying\n", List.of("prod")).check())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STEADYSTATE_API_TOKEN")
                .hasMessageContaining("[prod]");
    }

    @Test
    void devAndTestProfilesAndRealTokensStart() {
        assertThatCode(() -> new PlaceholderTokenRefusal("change-me-before-deploying", List.of("dev")).check())
                .doesNotThrowAnyException();
        assertThatCode(() -> new PlaceholderTokenRefusal("change-me-before-deploying", List.of("test")).check())
                .doesNotThrowAnyException();
        assertThatCode(() -> new PlaceholderTokenRefusal("9f2c41d0", List.of("prod")).check())
                .doesNotThrowAnyException();
    }
}
