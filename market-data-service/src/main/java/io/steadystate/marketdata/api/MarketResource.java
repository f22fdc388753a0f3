package io.steadystate.marketdata.api;

import io.steadystate.marketdata.control.MarketControl;
import io.steadystate.marketdata.control.MarketRequestException;
import io.steadystate.marketdata.control.MarketStatus;
import io.steadystate.marketdata.universe.SymbolUniverse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The control API of docs/CONTRACTS.md, used by the soak harness and Gatling. Mutations need the bearer
 * token (service-kit's {@code BearerTokenFilter}); refusals are JSON errors and change nothing (the kit's
 * {@code ErrorMappers}: {@link MarketRequestException} is a {@code RequestRefused}).
 * Handlers run on worker threads (blocking): they may wait briefly for the market's lock.
 */
@Path("/market")
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {

    private final MarketControl market;

    public MarketResource(MarketControl market) {
        this.market = market;
    }

    @GET
    @Path("/status")
    public MarketStatus status() {
        return market.status();
    }

    @POST
    @Path("/start")
    public MarketStatus start() {
        return market.start();
    }

    @POST
    @Path("/stop")
    public MarketStatus stop() {
        return market.stop();
    }

    @POST
    @Path("/pause")
    public MarketStatus pause() {
        return market.pause();
    }

    @POST
    @Path("/resume")
    public MarketStatus resume() {
        return market.resume();
    }

    @PUT
    @Path("/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarketStatus rate(ApiRequests.RateChange change) {
        if (change == null) {
            throw new MarketRequestException(MarketRequestException.Kind.BAD_REQUEST, "a JSON body is required");
        }
        return market.changeRate(change.speed(), change.maxTicksPerSecond(), change.ticksPerSymbolPerSecond());
    }

    @GET
    @Path("/symbols")
    public List<SymbolUniverse.SymbolView> symbols() {
        return market.symbols();
    }

    @POST
    @Path("/symbols")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response list(ApiRequests.Listing listing) {
        if (listing == null) {
            throw new MarketRequestException(MarketRequestException.Kind.BAD_REQUEST, "a JSON body is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(market.list(listing.symbol(), listing.price()))
                .build();
    }

    @DELETE
    @Path("/symbols/{symbol}")
    public Response delist(@PathParam("symbol") String symbol) {
        market.delist(symbol);
        return Response.noContent().build();
    }
}
