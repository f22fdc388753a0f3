package io.steadystate.soak.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of {@link MarketClient} against a loopback server that answers like market-data's control API. */
class HttpMarketClientTest {

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private MarketClient client;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String key =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(key + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            }
            bodies.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = answers.getOrDefault(key, "{}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(statuses.getOrDefault(key, 200), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        client = MarketClient.of(new Http("secret"), new ServiceEndpoint(ServiceId.MARKET_DATA, base, -1));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void mutationsCarryTheTokenAndGoToTheContractPaths() throws IOException {
        for (MarketClient.Command c : List.of(
                MarketClient.Command.START,
                MarketClient.Command.PAUSE,
                MarketClient.Command.RESUME,
                MarketClient.Command.STOP)) {
            client.send(c);
        }
        assertThat(requests)
                .containsExactly(
                        "POST /market/start auth=Bearer secret",
                        "POST /market/pause auth=Bearer secret",
                        "POST /market/resume auth=Bearer secret",
                        "POST /market/stop auth=Bearer secret");
    }

    @Test
    void aRateChangeSendsOnlyTheFieldsItSets() throws IOException {
        client.changeRate(MarketClient.RateChange.ticksPerSymbolPerSecond(0.25));
        assertThat(bodies.get("PUT /market/rate")).isEqualTo("{\"ticksPerSymbolPerSecond\":0.25}");
        client.changeRate(MarketClient.RateChange.paced(1_000_000, 5_000));
        assertThat(bodies.get("PUT /market/rate")).isEqualTo("{\"speed\":1000000.0,\"maxTicksPerSecond\":5000}");
    }

    @Test
    void theStatusIsReadFromMarketDatasAnswerIgnoringFieldsTheHarnessDoesNotUse() throws IOException {
        answers.put(
                "GET /market/status",
                "{\"state\":\"RUNNING\",\"simulatedTime\":\"2023-11-14T22:13:20Z\","
                        + "\"simulatedTimeMillis\":1700000000000,\"tradingDay\":\"2023-11-14\",\"simulatedDays\":4,"
                        + "\"activeSymbols\":500,\"eventsPublished\":{\"tick\":12345,\"listed\":3},\"ticksPerSecond\":99.5,"
                        + "\"speed\":1440.0,\"maxTicksPerSecond\":0,\"mode\":\"REPLAY\",\"sessionOpen\":true,"
                        + "\"replay\":{\"file\":\"day.csv\",\"linesRead\":10,\"ticksReplayed\":9,\"malformedLines\":1,"
                        + "\"resumedPastLines\":0,\"recentErrors\":[\"line 3\"],\"finished\":false}}");
        MarketStatus s = client.status();
        assertThat(s.state()).isEqualTo("RUNNING");
        assertThat(s.simulatedEpochSeconds()).isEqualTo(1.7e9);
        assertThat(s.simulatedDays()).isEqualTo(4.0);
        assertThat(s.activeSymbols()).isEqualTo(500);
        assertThat(s.eventsPublished()).containsEntry("tick", 12345L);
        assertThat(s.ticksPerSymbolPerSecond()).isNull();
        assertThat(s.replay().ticksReplayed()).isEqualTo(9);
        assertThat(s.replay().recentErrors()).containsExactly("line 3");
    }

    @Test
    void symbolsAreTheListingsWithTheirPriceAndTicks() throws IOException {
        answers.put(
                "GET /market/symbols",
                "[{\"symbol\":\"AAA\",\"price\":101.5,\"bid\":101.4,\"ask\":101.6,"
                        + "\"ticks\":7,\"regime\":\"CALM\"},{\"symbol\":\"BBB\",\"price\":9.0,\"ticks\":0}]");
        assertThat(client.symbols())
                .containsExactly(new MarketClient.Listing("AAA", 101.5, 7), new MarketClient.Listing("BBB", 9.0, 0));
    }

    @Test
    void aRefusalNamesTheRequestAndKeepsTheStatus() {
        statuses.put("POST /market/start", 409);
        answers.put("POST /market/start", "{\"error\":\"already running\"}");
        assertThatThrownBy(() -> client.send(MarketClient.Command.START))
                .isInstanceOfSatisfying(MarketClient.Refused.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage())
                            .isEqualTo("POST /market/start → HTTP 409 {\"error\":\"already running\"}");
                });
        statuses.put("POST /market/pause", 404);
        assertThatThrownBy(() -> client.send(MarketClient.Command.PAUSE))
                .hasMessageContaining("does not implement the control API yet");
    }

    @Test
    void anUnreadableAnswerAndAnUnreachableMarketAreIoFailuresNamingTheRequest() {
        answers.put("GET /market/status", "<html>proxy error</html>");
        assertThatThrownBy(client::status)
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(MarketClient.Refused.class)
                .hasMessageStartingWith("GET /market/status: unreadable answer");
        server.stop(0);
        assertThatThrownBy(() -> client.send(MarketClient.Command.STOP))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("POST /market/stop failed: ");
    }

    @Test
    void onlyMarketDataHasAMarketClient() {
        assertThatThrownBy(() -> MarketClient.of(
                        new Http("t"), new ServiceEndpoint(ServiceId.ORDER, URI.create("http://127.0.0.1:1/"), -1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulatedTimeIsReadInAnyOfItsPlausibleShapes() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(MarketStatus.epochSeconds(json.readTree("1700000000"))).isEqualTo(1.7e9);
        assertThat(MarketStatus.epochSeconds(json.readTree("1700000000000"))).isEqualTo(1.7e9);
        assertThat(MarketStatus.epochSeconds(json.readTree("\"2023-11-14T22:13:20Z\"")))
                .isEqualTo(1.7e9);
        assertThat(MarketStatus.epochSeconds(json.readTree("\"2023-11-14T22:13:20\"")))
                .isEqualTo(1.7e9);
        assertThat(MarketStatus.epochSeconds(json.readTree("\"yesterday\""))).isNull();
        assertThat(MarketStatus.epochSeconds(null)).isNull();
    }
}
