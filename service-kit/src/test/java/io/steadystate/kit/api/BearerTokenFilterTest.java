package io.steadystate.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one token rule of every service, through the filter the services run. */
class BearerTokenFilterTest {

    private static final String TOKEN = "Bearer s3cret";

    private final BearerTokenFilter filter = new BearerTokenFilter(new BearerToken("s3cret"), List.of());

    /** A request as the filter sees it: method, decoded path, Authorization header (null = absent). */
    static ContainerRequestContext request(String method, String path, String authorization) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getPath" -> path;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getUriInfo" -> uri;
                    case "getHeaderString" ->
                        HttpHeaders.AUTHORIZATION.equalsIgnoreCase((String) args[0]) ? authorization : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private Optional<Response> answer(String method, String path, String authorization) {
        return filter.requireToken(request(method, path, authorization));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "patch", "PROPFIND"})
    void everyMutatingMethodNeedsTheToken(String method) {
        Response refused = answer(method, "/market/rate", null).orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(((ApiError) refused.getEntity()).error()).isEqualTo(BearerToken.MISSING);
        assertThat(refused.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(answer(method, "/market/rate", TOKEN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//market/rate",
                "/market;a=b/rate",
                "/q/../market/rate",
                "/q/health",
                "/q/",
                "/market/../q/metrics",
                "/Market/Rate",
                "/no/such/path",
                "",
                "/%71/../market"
            })
    void everyPathIsProtectedSoNoSpellingOfOneSlipsThrough(String path) {
        assertThat(answer("PUT", path, null))
                .get()
                .extracting(Response::getStatus)
                .isEqualTo(401);
        assertThat(answer("PUT", path, "Bearer wrong"))
                .get()
                .extracting(Response::getStatus)
                .isEqualTo(401);
        assertThat(answer("PUT", path, TOKEN)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS", "get"})
    void readsStayOpen(String method) {
        assertThat(answer(method, "/market/status", null)).isEmpty();
        assertThat(answer(method, "/q/metrics", "Bearer wrong")).isEmpty();
    }

    @Test
    void theHeaderIsComparedAfterStrippingSurroundingWhiteSpace() {
        assertThat(answer("POST", "/orders", "  " + TOKEN + "\t")).isEmpty();
        assertThat(answer("POST", "/orders", "Bearer  s3cret"))
                .get()
                .extracting(Response::getStatus)
                .isEqualTo(401);
        assertThat(answer("POST", "/orders", "bearer s3cret"))
                .get()
                .extracting(Response::getStatus)
                .isEqualTo(401);
        assertThat(answer("POST", "/orders", TOKEN + "x"))
                .get()
                .extracting(Response::getStatus)
                .isEqualTo(401);
    }

    @Test
    void aWrongTokenSaysInvalidNotMissing() {
        Response refused = answer("DELETE", "/orders/M-1", "Bearer wrong").orElseThrow();
        assertThat(((ApiError) refused.getEntity()).error()).isEqualTo(BearerToken.INVALID);
    }

    @Test
    void aClosedGateAnswers503ToAuthorisedMutationsOnly() {
        BearerTokenFilter gated = new BearerTokenFilter(
                new BearerToken("s3cret"), List.of(() -> Optional.of("recovering state from Kafka, retry shortly")));
        Response waiting = gated.requireToken(request("POST", "/orders", TOKEN)).orElseThrow();
        assertThat(waiting.getStatus()).isEqualTo(503);
        assertThat(((ApiError) waiting.getEntity()).error()).contains("recovering");
        assertThat(gated.requireToken(request("POST", "/orders", null)))
                .get()
                .extracting(Response::getStatus)
                .isEqualTo(401);
        assertThat(gated.requireToken(request("GET", "/orders", null))).isEmpty();

        BearerTokenFilter open = new BearerTokenFilter(new BearerToken("s3cret"), List.of(Optional::empty));
        assertThat(open.requireToken(request("POST", "/orders", TOKEN))).isEmpty();
    }

    @Test
    void aBlankTokenIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BearerToken(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
