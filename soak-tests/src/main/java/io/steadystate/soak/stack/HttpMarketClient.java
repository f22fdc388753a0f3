package io.steadystate.soak.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** {@link MarketClient} over {@link Http}: the token on every mutation, short timeouts, Jackson for the answers. */
final class HttpMarketClient implements MarketClient {

    private static final TypeReference<List<Listing>> LISTINGS = new TypeReference<>() {};
    private static final TypeReference<MarketStatus> STATUS_ANSWER = new TypeReference<>() {};

    private final Http http;
    private final URI base;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    HttpMarketClient(Http http, URI base) {
        this.http = http;
        this.base = base;
    }

    @Override
    public void send(Command command) throws IOException {
        answer("POST /" + command.path(), () -> http.post(base.resolve(command.path()), null));
    }

    @Override
    public void changeRate(RateChange change) throws IOException {
        String body = json.writeValueAsString(change);
        answer("PUT /" + RATE, () -> http.put(base.resolve(RATE), body));
    }

    @Override
    public MarketStatus status() throws IOException {
        return read(STATUS, STATUS_ANSWER);
    }

    @Override
    public List<Listing> symbols() throws IOException {
        return read(SYMBOLS, LISTINGS);
    }

    private <T> T read(String path, TypeReference<T> type) throws IOException {
        String body = answer("GET /" + path, () -> http.get(base.resolve(path), "application/json"));
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IOException("GET /" + path + ": unreadable answer: " + e.getOriginalMessage(), e);
        }
    }

    private interface Call {
        Http.Response send() throws IOException;
    }

    /** The body of a 2xx answer; otherwise {@link Refused}, or the transport failure named after the request. */
    private static String answer(String request, Call call) throws IOException {
        Http.Response r;
        try {
            r = call.send();
        } catch (IOException e) {
            throw new IOException(request + " failed: " + e.getMessage(), e);
        }
        if (!r.ok()) {
            throw new Refused(request, r.status(), r.body());
        }
        return r.body();
    }
}
