package io.steadystate.order.api;

import io.steadystate.core.event.OrderEvent;
import io.steadystate.core.event.OrderType;
import io.steadystate.core.event.Side;
import io.steadystate.core.event.StrategySlot;
import io.steadystate.core.event.TimeInForce;
import io.steadystate.kit.api.ApiError;
import io.steadystate.kit.api.RequestRefused;
import io.steadystate.order.config.OrderConfig;
import io.steadystate.order.delivery.OrderMutations;
import io.steadystate.order.engine.OrderEngine;
import io.steadystate.order.intake.ManualOrder;
import io.steadystate.order.intake.SubmitResult;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Orders: submit (same path as signals), get, cancel, list open and recent history. Every list is paged and
 * bounded; every read is O(page) under the engine lock, so load from Gatling stays cheap.
 */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class OrderResource {

    private final OrderEngine engine;
    private final OrderMutations mutations;
    private final int maxPageSize;

    public OrderResource(OrderEngine engine, OrderMutations mutations, OrderConfig config) {
        this.engine = engine;
        this.mutations = mutations;
        this.maxPageSize = config.maxPageSize();
    }

    @POST
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Submit a bracket order",
            description =
                    "201 accepted (committed to Kafka); 503 when not committed within 10 s; 200 with status REJECTED and a reason when a risk limit refuses it, or the "
                            + "existing order for a retried clientOrderId; 400 invalid payload; 401 without token")
    public Response submit(OrderRequest request) {
        ManualOrder order = validate(request);
        SubmitResult result = mutations.committed(() -> engine.submitManual(order)); // answers after the commit
        return switch (result.outcome()) {
            case ACCEPTED ->
                Response.status(Response.Status.CREATED).entity(result.order()).build();
            case REJECTED, DUPLICATE ->
                result.order() == null
                        ? ApiError.response(Response.Status.CONFLICT, result.message())
                        : Response.ok(result.order()).build();
            case INVALID, UNKNOWN_SYMBOL -> ApiError.response(Response.Status.BAD_REQUEST, result.message());
        };
    }

    @GET
    @Path("/{id: .+}")
    @Operation(
            summary =
                    "An order (open, or recently closed) by id: S-<signal>, M-<client id>, with /SL or /TP for children")
    public Response get(@PathParam("id") String id) {
        return engine.find(id)
                .map(e -> Response.ok(e).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no order " + id));
    }

    @DELETE
    @Path("/{id: .+}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Cancel the bracket of an open order (entry and both children)")
    public Response cancel(@PathParam("id") String id) {
        return mutations
                .committed(() -> engine.cancel(id, "cancelled by client"))
                .map(e -> Response.ok(e).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no open order " + id));
    }

    @GET
    @Operation(summary = "Open orders, paged (size <= 500)")
    public Page<OrderEvent> open(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] b = Page.bounds(page, size, maxPageSize);
        return new Page<>(b[0], b[1], engine.openOrders(b[0] * b[1], b[1]));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Recently closed orders, newest first, paged (size <= 500; bounded ring)")
    public Page<OrderEvent> history(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int[] b = Page.bounds(page, size, maxPageSize);
        return new Page<>(b[0], b[1], engine.history(b[0] * b[1], b[1]));
    }

    static ManualOrder validate(OrderRequest r) {
        if (r == null) {
            throw RequestRefused.badRequest("request body is required");
        }
        String clientOrderId = required("clientOrderId", r.clientOrderId());
        try {
            // the rule lives in trading-core: [A-Za-z0-9._-]{1,64}, so 'A/SL' cannot pose as the stop-loss of 'A'
            io.steadystate.core.event.OrderCommand.requireClientOrderId(clientOrderId);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(e.getMessage());
        }
        String symbol = required("symbol", r.symbol());
        int slotId = required("slotId", r.slotId());
        if (!StrategySlot.isValidId(slotId)) {
            throw RequestRefused.badRequest(
                    "slotId " + slotId + " is not a strategy slot (11..13, 21..23, ..., 71..73)");
        }
        Side side = parse(Side.class, "side", r.side());
        OrderType type = parse(OrderType.class, "type", r.type());
        if (type == OrderType.STOP) {
            throw RequestRefused.badRequest("type must be MARKET or LIMIT");
        }
        TimeInForce tif = parse(TimeInForce.class, "timeInForce", r.timeInForce());
        double quantity = positive("quantity", r.quantity());
        double stopLoss = positive("stopLoss", r.stopLoss());
        double takeProfit = positive("takeProfit", r.takeProfit());
        double limit = 0;
        if (type == OrderType.LIMIT) {
            limit = positive("limitPrice", r.limitPrice());
        } else if (r.limitPrice() != null && r.limitPrice() != 0) {
            throw RequestRefused.badRequest("limitPrice is only allowed for LIMIT orders");
        }
        try {
            // the core validation (symbol characters, …) also applies: a record that exists is valid
            new io.steadystate.core.event.OrderCommand(
                    "M-" + clientOrderId,
                    "",
                    symbol,
                    slotId,
                    side,
                    type,
                    quantity,
                    limit,
                    stopLoss,
                    takeProfit,
                    tif,
                    0,
                    0);
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(e.getMessage());
        }
        return new ManualOrder(clientOrderId, symbol, slotId, side, type, quantity, limit, stopLoss, takeProfit, tif);
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw RequestRefused.badRequest(name + " is required");
        }
        return value;
    }

    private static double positive(String name, Double value) {
        double v = required(name, value);
        if (!(v > 0) || Double.isInfinite(v)) {
            throw RequestRefused.badRequest(name + " must be a positive number, was " + v);
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        required(name, value);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestRefused.badRequest(
                    name + " '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
