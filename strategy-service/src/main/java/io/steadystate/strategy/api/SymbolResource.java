package io.steadystate.strategy.api;

import io.steadystate.kit.api.ApiError;
import io.steadystate.strategy.params.ParameterTable;
import io.steadystate.strategy.symbol.SymbolBook;
import io.steadystate.strategy.symbol.SymbolView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /strategy/symbols/{symbol}}: a symbol's bars, indicators and slots; 404 when this instance has none. */
@Path("/strategy/symbols")
@Produces(MediaType.APPLICATION_JSON)
public class SymbolResource {

    private final SymbolBook book;
    private final ParameterTable parameters;

    public SymbolResource(SymbolBook book, ParameterTable parameters) {
        this.book = book;
        this.parameters = parameters;
    }

    @GET
    @Path("/{symbol}")
    public Response symbol(@PathParam("symbol") String symbol) {
        return book.peek(symbol)
                .map(state -> Response.ok(SymbolView.of(state, parameters)).build())
                .orElseGet(() -> ApiError.response(
                        Response.Status.NOT_FOUND, "no state for symbol " + symbol + " on this instance"));
    }
}
