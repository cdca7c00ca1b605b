package dev.lrlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.experiment.BusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTest {

    @Test
    void busyIs503WithRetryAfterInSeconds() {
        ResponseEntity<ApiError> r = new ApiExceptionHandler().busy(new BusyException("the server is busy", 3));
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
        assertThat(r.getBody().error()).isEqualTo("the server is busy");
    }

    @Test
    void retryAfterIsNeverBelowOneSecond() {
        assertThat(new BusyException("x", 0).retryAfterSeconds()).isEqualTo(1);
    }
}
