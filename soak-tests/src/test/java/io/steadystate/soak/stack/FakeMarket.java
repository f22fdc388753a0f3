package io.steadystate.soak.stack;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory market-data behind {@link MarketClient}: the state machine of its control API (start refused while
 * running, pause/resume only while running/paused), the rate it was set to, its listings, and a log of every call.
 * {@link #unreachable} makes every call fail as a connection would; {@link #refuseNext} answers one call with an HTTP
 * status instead.
 */
public final class FakeMarket implements MarketClient {

    public enum State {
        STOPPED,
        RUNNING,
        PAUSED
    }

    private State state = State.STOPPED;
    private final List<String> calls = new ArrayList<>();
    private final List<RateChange> rates = new ArrayList<>();
    private final Map<String, Listing> listings = new LinkedHashMap<>();
    private String simulatedTime = "2026-01-05T14:30:00Z";
    private boolean unreachable;
    private int refuseNext;

    public FakeMarket list(String symbol, double price, long ticks) {
        listings.put(symbol, new Listing(symbol, price, ticks));
        return this;
    }

    public FakeMarket running() {
        state = State.RUNNING;
        return this;
    }

    public void unreachable(boolean down) {
        unreachable = down;
    }

    public void refuseNext(int status) {
        refuseNext = status;
    }

    public void simulatedTime(String iso) {
        simulatedTime = iso;
    }

    public State state() {
        return state;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<RateChange> rates() {
        return List.copyOf(rates);
    }

    /** Start only from stopped, pause only while running, resume only while paused; stop from anywhere. */
    @Override
    public void send(Command command) throws IOException {
        String request = "POST /" + command.path();
        call(request);
        State from = switch (command) {
            case START -> State.STOPPED;
            case PAUSE -> State.RUNNING;
            case RESUME -> State.PAUSED;
            case STOP -> state;
        };
        if (state != from) {
            throw new Refused(request, Refused.CONFLICT, "{\"error\":\"market is " + state + "\"}");
        }
        state = switch (command) {
            case START, RESUME -> State.RUNNING;
            case PAUSE -> State.PAUSED;
            case STOP -> State.STOPPED;
        };
    }

    @Override
    public void changeRate(RateChange change) throws IOException {
        call("PUT /" + RATE);
        rates.add(change);
    }

    @Override
    public MarketStatus status() throws IOException {
        call("GET /" + STATUS);
        return new MarketStatus(
                state.name(),
                TextNode.valueOf(simulatedTime),
                3.0,
                listings.size(),
                Map.of(),
                0.0,
                null,
                null,
                null,
                state == State.RUNNING,
                null);
    }

    @Override
    public List<Listing> symbols() throws IOException {
        call("GET /" + SYMBOLS);
        return List.copyOf(listings.values());
    }

    private void call(String request) throws IOException {
        calls.add(request);
        if (unreachable) {
            throw new IOException(request + " failed: " + new ConnectException("Connection refused").getMessage());
        }
        if (refuseNext != 0) {
            int status = refuseNext;
            refuseNext = 0;
            throw new Refused(request, status, "{\"error\":\"refused\"}");
        }
    }
}
