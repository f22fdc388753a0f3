package io.steadystate.order.api;

import io.steadystate.kit.api.RequestRefused;
import io.steadystate.order.delivery.OrderMutations;
import io.steadystate.order.engine.OrderEngine;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The kill switch: on rejects every new order and cancels every open one. Not persisted across restarts. */
@Path("/risk/kill-switch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RiskResource {

    public record KillSwitchRequest(Boolean enabled) {}

    public record KillSwitchState(boolean enabled, int cancelledBrackets) {}

    private final OrderEngine engine;
    private final OrderMutations mutations;

    public RiskResource(OrderEngine engine, OrderMutations mutations) {
        this.engine = engine;
        this.mutations = mutations;
    }

    @PUT
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Switch the kill switch on or off")
    public KillSwitchState set(KillSwitchRequest request) {
        if (request == null || request.enabled() == null) {
            throw RequestRefused.badRequest("enabled (true/false) is required");
        }
        int cancelled = mutations.committed(() -> engine.killSwitch(request.enabled()));
        return new KillSwitchState(request.enabled(), cancelled);
    }

    @GET
    @Operation(summary = "Whether the kill switch is on")
    public KillSwitchState get() {
        return new KillSwitchState(engine.killSwitch(), 0);
    }
}
