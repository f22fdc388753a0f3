package io.steadystate.kit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    private final ErrorMappers mappers = new ErrorMappers();

    private static String error(Response r) {
        return ((ApiError) r.getEntity()).error();
    }

    private static JsonProcessingException malformed() {
        try {
            new ObjectMapper().readTree("{\"period\": ");
            throw new AssertionError("parsed");
        } catch (JsonProcessingException e) {
            return e;
        }
    }

    @Test
    void aRefusalKeepsItsStatusAndMessage() {
        Response r = mappers.refused(new RequestRefused(409, "already running"));
        assertThat(r.getStatus()).isEqualTo(409);
        assertThat(error(r)).isEqualTo("already running");
        assertThat(mappers.refused(RequestRefused.badRequest("x")).getStatus()).isEqualTo(400);
    }

    @Test
    void malformedJsonIs400WithAnErrorBodyAlsoWhenWrappedByTheFramework() {
        Response direct = mappers.unreadable(malformed());
        assertThat(direct.getStatus()).isEqualTo(400);
        assertThat(error(direct)).startsWith("malformed JSON body: ");
        Response wrapped = mappers.web(new WebApplicationException(malformed(), 400));
        assertThat(wrapped.getStatus()).isEqualTo(400);
        assertThat(error(wrapped)).startsWith("malformed JSON body: ");
    }

    @Test
    void aWrongTypeIsMalformedJsonToo() {
        record Update(Integer period) {}
        try {
            new ObjectMapper().readValue("{\"period\": \"five\"}", Update.class);
            throw new AssertionError("parsed");
        } catch (MismatchedInputException e) {
            Response r = mappers.mismatched(e);
            assertThat(r.getStatus()).isEqualTo(400);
            assertThat(error(r)).startsWith("malformed JSON body: ").contains("five");
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void frameworkErrorsKeepTheirStatusWithAJsonBody() {
        assertThat(mappers.web(new NotFoundException()).getStatus()).isEqualTo(404);
        Response notAllowed = mappers.web(new NotAllowedException("GET"));
        assertThat(notAllowed.getStatus()).isEqualTo(405);
        assertThat(error(notAllowed)).isNotBlank();
    }

    @Test
    void onlyErrorStatusesAreRefusals() {
        assertThatThrownBy(() -> new RequestRefused(200, "ok")).isInstanceOf(IllegalArgumentException.class);
    }
}
