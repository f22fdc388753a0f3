package io.steadystate.strategy.api;

import io.smallrye.common.annotation.Blocking;
import io.steadystate.core.event.SlotParameters;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.kit.api.ApiError;
import io.steadystate.strategy.params.ParameterPublisher;
import io.steadystate.strategy.params.ParameterRules;
import io.steadystate.strategy.params.ParameterTable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code GET /strategy/parameters}: the 21 rows. {@code PUT /strategy/parameters/{slotId}} (bearer token, checked by
 * service-kit's filter; malformed JSON answered 400 {@code {"error": …}} by the kit's mappers): a
 * partial row (absent fields keep their value) is validated and published to {@code strategy.params}; the table
 * changes when the hot-reload consumer reads it back (202 Accepted), on every instance alike.
 */
@Path("/strategy/parameters")
@Produces(MediaType.APPLICATION_JSON)
public class ParameterResource {

    private static final Logger LOG = Logger.getLogger(ParameterResource.class);

    private final ParameterTable table;
    private final ParameterPublisher publisher;

    public ParameterResource(ParameterTable table, ParameterPublisher publisher) {
        this.table = table;
        this.publisher = publisher;
    }

    /** One row with its slot spelled out. */
    public record ParameterRow(
            int slotId,
            String timeframe,
            String strategy,
            boolean enabled,
            double lotSize,
            int period,
            int secondaryPeriod,
            double threshold,
            double stopLossPct,
            double takeProfitPct,
            long version) {
        static ParameterRow of(SlotParameters p) {
            StrategySlot slot = StrategySlot.ofId(p.slotId());
            return new ParameterRow(
                    p.slotId(),
                    slot.timeframe().name(),
                    slot.strategy().code(),
                    p.enabled(),
                    p.lotSize(),
                    p.period(),
                    p.secondaryPeriod(),
                    p.threshold(),
                    p.stopLossPct(),
                    p.takeProfitPct(),
                    p.version());
        }
    }

    /** PUT body: every field optional. */
    public record ParameterUpdate(
            Boolean enabled,
            Double lotSize,
            Integer period,
            Integer secondaryPeriod,
            Double threshold,
            Double stopLossPct,
            Double takeProfitPct) {}

    @GET
    public List<ParameterRow> all() {
        return table.all().stream().map(ParameterRow::of).toList();
    }

    @PUT
    @Path("/{slotId}")
    @Blocking
    public Response update(@PathParam("slotId") int slotId, ParameterUpdate update) {
        if (!StrategySlot.isValidId(slotId)) {
            return ApiError.response(
                    Response.Status.NOT_FOUND, "unknown slot id " + slotId + " (valid: 11..13, 21..23, …, 71..73)");
        }
        if (update == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "a JSON body with the fields to change is required");
        }
        SlotParameters current = table.bySlotId(slotId);
        SlotParameters row;
        try {
            row = new SlotParameters(
                    slotId,
                    or(update.enabled(), current.enabled()),
                    or(update.lotSize(), current.lotSize()),
                    or(update.period(), current.period()),
                    or(update.secondaryPeriod(), current.secondaryPeriod()),
                    or(update.threshold(), current.threshold()),
                    or(update.stopLossPct(), current.stopLossPct()),
                    or(update.takeProfitPct(), current.takeProfitPct()),
                    current.version() + 1);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String problem = ParameterRules.problemWith(row);
        if (problem != null) {
            return ApiError.response(Response.Status.BAD_REQUEST, problem);
        }
        try {
            publisher.publish(row);
        } catch (Exception e) {
            LOG.errorf("publishing parameters of slot %d failed: %s", slotId, e.toString());
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "could not publish to strategy.params: " + e);
        }
        return Response.accepted(ParameterRow.of(row)).build();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
