package io.steadystate.kit.api;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.steadystate.core.state.Bounded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start outside the dev/test profile while {@code steadystate.api.token} is the documented placeholder,
 * so a copied manifest cannot put a publicly known token on a cluster (k8s/README.md, "Deploy"). One bean for
 * every service: each depends on service-kit, whose beans.xml makes Quarkus discover it.
 */
@ApplicationScoped
public class PlaceholderTokenRefusal {

    static final String PLACEHOLDER = "change-me-before-deploying";

    @Bounded("immutable Set.of two profile names")
    private static final Set<String> TRUSTED_PROFILES = Set.of("dev", "test");

    private final String token;

    @Bounded("copy of the active profiles, fixed at start")
    private final List<String> profiles;

    @Inject
    public PlaceholderTokenRefusal(@ConfigProperty(name = "steadystate.api.token") String token) {
        this(token, ConfigUtils.getProfiles());
    }

    PlaceholderTokenRefusal(String token, List<String> profiles) {
        this.token = token;
        this.profiles = List.copyOf(profiles);
    }

    /** Before anything else starts (Kafka clients, the market driver): a refused start does nothing. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        check();
    }

    void check() {
        if (PLACEHOLDER.equals(token.strip()) && profiles.stream().noneMatch(TRUSTED_PROFILES::contains)) {
            throw new IllegalStateException("steadystate.api.token is the placeholder '" + PLACEHOLDER
                    + "' in profile " + profiles + ": set STEADYSTATE_API_TOKEN to a secret of your own "
                    + "(k8s/README.md, Deploy); refusing to start");
        }
    }
}
