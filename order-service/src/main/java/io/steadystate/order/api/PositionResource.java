package io.steadystate.order.api;

import io.steadystate.core.event.Position;
import io.steadystate.order.config.OrderConfig;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.views.PnlSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Positions per (symbol, slot) with live unrealised PnL, and the PnL totals. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {

    private final OrderEngine engine;
    private final int maxPageSize;

    public PositionResource(OrderEngine engine, OrderConfig config) {
        this.engine = engine;
        this.maxPageSize = config.maxPageSize();
    }

    @GET
    @Path("positions")
    @Operation(summary = "Positions (flat ones included until their symbol is delisted), paged (size <= 500)")
    public Page<Position> positions(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] b = Page.bounds(page, size == null ? maxPageSize : size, maxPageSize);
        return new Page<>(b[0], b[1], engine.positions(b[0] * b[1], b[1]));
    }

    @GET
    @Path("pnl")
    @Operation(summary = "Realised, unrealised and total PnL over all positions")
    public PnlSummary pnl() {
        return engine.pnl();
    }
}
