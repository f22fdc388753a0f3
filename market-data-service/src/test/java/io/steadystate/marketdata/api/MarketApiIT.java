package io.steadystate.marketdata.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.steadystate.core.testkafka.RealKafkaResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REST validation and auth of the control API: every refusal is a JSON 4xx and changes nothing. */
@QuarkusTest
@QuarkusTestResource(RealKafkaResource.class)
class MarketApiIT {

    static final String TOKEN = "Bearer steadystate-local";

    static RequestSpecification authorized() {
        return given().header("Authorization", TOKEN).contentType(ContentType.JSON);
    }

    @AfterEach
    void leaveTheMarketStopped() {
        authorized().post("/market/stop").then().statusCode(200);
    }

    @Test
    void mutatingCallsWithoutTheTokenAreRefusedWith401AndJson() {
        given().post("/market/start")
                .then()
                .statusCode(401)
                .contentType(ContentType.JSON)
                .body("error", containsString("missing Authorization"));
        given().header("Authorization", "Bearer wrong")
                .contentType(ContentType.JSON)
                .body("{\"speed\": 5}")
                .put("/market/rate")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid bearer token"));
        given().delete("/market/symbols/ACME").then().statusCode(401);
        given().get("/market/status").then().statusCode(200).body("state", not(equalTo("RUNNING")));
    }

    /** The raw path as a client sends it (RestAssured would normalise it): no spelling of a path escapes the token. */
    @Test
    void pathTricksDoNotSkipTheToken() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("//market/rate", "/market;a=b/rate", "/q/../market/rate", "/no/such/path")) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"speed\": 5}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("\"error\"");
        }
        given().get("/market/status").then().body("speed", equalTo(50000.0f));
    }

    @Test
    void statusReportsTheContractFields() {
        given().get("/market/status")
                .then()
                .statusCode(200)
                .body("state", notNullValue())
                .body("tradingDay", notNullValue())
                .body("simulatedDays", notNullValue())
                .body("activeSymbols", notNullValue())
                .body("eventsPublished.tick", notNullValue())
                .body("eventsPublished.day_rolled", notNullValue())
                .body("ticksPerSecond", notNullValue())
                .body("speed", equalTo(50000.0f))
                .body("maxTicksPerSecond", equalTo(8000))
                .body("ticksPerSymbolPerSecond", equalTo(0.01f));
    }

    @Test
    void invalidRatesAreRefusedAndLeaveTheRatesUnchanged() {
        authorized()
                .body("{\"speed\": -1}")
                .put("/market/rate")
                .then()
                .statusCode(400)
                .body("error", containsString("speed"));
        authorized()
                .body("{\"speed\": 10, \"maxTicksPerSecond\": -5}")
                .put("/market/rate")
                .then()
                .statusCode(400)
                .body("error", containsString("maxTicksPerSecond"));
        authorized()
                .body("{\"ticksPerSymbolPerSecond\": 0}")
                .put("/market/rate")
                .then()
                .statusCode(400);
        authorized()
                .body("{}")
                .put("/market/rate")
                .then()
                .statusCode(400)
                .body("error", containsString("at least one"));
        authorized()
                .body("{\"speed\": ")
                .put("/market/rate")
                .then()
                .statusCode(400)
                .body("error", containsString("malformed JSON"));
        authorized()
                .body("{\"sped\": 5}")
                .put("/market/rate")
                .then()
                .statusCode(400)
                .body("error", containsString("malformed JSON"));
        authorized().body("{\"speed\": \"fast\"}").put("/market/rate").then().statusCode(400);
        given().get("/market/status").then().body("speed", equalTo(50000.0f)).body("maxTicksPerSecond", equalTo(8000));
    }

    @Test
    void aValidRateChangeAppliesEveryGivenField() {
        authorized()
                .body("{\"speed\": 40000, \"maxTicksPerSecond\": 7000}")
                .put("/market/rate")
                .then()
                .statusCode(200)
                .body("speed", equalTo(40000.0f))
                .body("maxTicksPerSecond", equalTo(7000))
                .body("ticksPerSymbolPerSecond", equalTo(0.01f));
        authorized()
                .body("{\"speed\": 50000, \"maxTicksPerSecond\": 8000}")
                .put("/market/rate")
                .then()
                .statusCode(200);
    }

    @Test
    void lifecycleTransitionsThatMakeNoSenseAreConflicts() {
        authorized()
                .post("/market/resume")
                .then()
                .statusCode(409)
                .body("error", containsString("only a paused market"));
        authorized().post("/market/start").then().statusCode(200).body("state", equalTo("RUNNING"));
        authorized().post("/market/start").then().statusCode(409).body("error", containsString("already running"));
        authorized().post("/market/pause").then().statusCode(200).body("state", equalTo("PAUSED"));
        authorized().post("/market/start").then().statusCode(409);
        authorized().post("/market/resume").then().statusCode(200).body("state", equalTo("RUNNING"));
        authorized().post("/market/stop").then().statusCode(200).body("state", equalTo("STOPPED"));
        authorized().post("/market/pause").then().statusCode(409);
    }

    @Test
    void symbolsCanBeListedAndDelistedOnDemandWithValidation() {
        authorized().post("/market/start").then().statusCode(200);
        authorized().post("/market/pause").then().statusCode(200);

        authorized()
                .body("{\"symbol\": \"ZZTEST\", \"price\": 42.5}")
                .post("/market/symbols")
                .then()
                .statusCode(201)
                .body("symbol", equalTo("ZZTEST"))
                .body("price", equalTo(42.5f));
        given().get("/market/symbols").then().statusCode(200).body("symbol", hasItem("ZZTEST"));
        authorized()
                .body("{\"symbol\": \"ZZTEST\", \"price\": 40}")
                .post("/market/symbols")
                .then()
                .statusCode(409)
                .body("error", containsString("already listed"));
        authorized()
                .body("{\"symbol\": \"bad symbol!\", \"price\": 1}")
                .post("/market/symbols")
                .then()
                .statusCode(400)
                .body("error", containsString("symbol"));
        authorized()
                .body("{\"symbol\": \"ZZNEG\", \"price\": -3}")
                .post("/market/symbols")
                .then()
                .statusCode(400)
                .body("error", containsString("price"));
        authorized()
                .body("{\"symbol\": \"ZZNOPRICE\"}")
                .post("/market/symbols")
                .then()
                .statusCode(400)
                .body("error", equalTo("price is required"));

        authorized().delete("/market/symbols/ZZTEST").then().statusCode(204);
        given().get("/market/symbols").then().body("symbol", not(hasItem("ZZTEST")));
        authorized()
                .delete("/market/symbols/ZZTEST")
                .then()
                .statusCode(404)
                .body("error", containsString("not listed"));
        authorized().delete("/market/symbols/NOSUCH").then().statusCode(404);
    }

    /** Prometheus 0.0.4 text writes labels as {a="x",}: match names and labels, not punctuation. */
    @Test
    void contractMetricsAreExportedFromStartUp() {
        String metrics = given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String type :
                new String[] {"tick", "listed", "delisted", "session_opened", "session_closed", "day_rolled"}) {
            assertThat(metrics).contains("steadystate_marketdata_events_published_total{type=\"" + type + "\"");
        }
        assertThat(metrics)
                .containsPattern("(?m)^steadystate_marketdata_publish_errors_total \\S+$")
                .containsPattern("(?m)^steadystate_marketdata_simulated_time_seconds \\S+$")
                .containsPattern("(?m)^steadystate_marketdata_simulated_days \\S+$")
                .containsPattern("(?m)^steadystate_marketdata_active_symbols \\S+$")
                .contains("steadystate_store_entries{store=\"market-symbols\"")
                .containsPattern("steadystate_store_capacity\\{store=\"market-symbols\",?} 40.0")
                .contains("steadystate_store_evictions_total{cause=\"removed\",store=\"market-symbols\"")
                .contains("steadystate_store_admissions_total{store=\"market-symbols\"")
                .containsPattern("(?m)^steadystate_fault_active 0.0$")
                .containsPattern("(?m)^steadystate_fault_leaked_objects 0.0$");
    }

    @Test
    void healthIsLiveAndBecomesReadyWithTheBroker() throws InterruptedException {
        given().get("/q/health/live").then().statusCode(200);
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = given().get("/q/health/ready").statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("kafka-producer"));
    }
}
