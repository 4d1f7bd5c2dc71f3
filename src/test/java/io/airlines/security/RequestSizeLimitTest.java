package io.airlines.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class RequestSizeLimitTest {

    private final SecuritySettings settings = new SecuritySettings(DataSize.ofKilobytes(1), DataSize.ofKilobytes(16),
            "/api/v1/positions", List.of());

    @Test
    void positions_batches_get_the_larger_limit_and_everything_else_the_default() {
        assertThat(settings.limitFor("/api/v1/positions")).isEqualTo(16 * 1024);
        assertThat(settings.limitFor("/api/v1/positions/batch")).isEqualTo(16 * 1024);
        assertThat(settings.limitFor("/api/v1/positionsX")).isEqualTo(1024);
        assertThat(settings.limitFor("/api/v1/places")).isEqualTo(1024);
        assertThat(settings.limitFor(null)).isEqualTo(1024);
    }

    @Test
    void a_body_of_unknown_length_is_stopped_with_413_once_the_handler_reads_past_the_limit() throws Exception {
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                try (InputStream in = req.getInputStream()) {
                    in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        // A chunked upload declares no length: only counting while reading can stop it.
        MockHttpServletRequest undeclared = new MockHttpServletRequest("POST", "/api/v1/places") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        undeclared.setContent(new byte[4096]);
        assertThatThrownBy(() -> new RequestSizeLimit(settings).doFilter(undeclared, new MockHttpServletResponse(), chain))
                .isInstanceOf(BodyTooLargeException.class)
                .satisfies(e -> assertThat(((BodyTooLargeException) e).getStatusCode().value()).isEqualTo(413));
    }

    @Test
    void a_declared_length_over_the_limit_is_answered_413_without_calling_the_handler() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/places");
        request.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new RequestSizeLimit(settings).doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void a_body_within_the_limit_reaches_the_handler_whole() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/positions");
        request.setContent(new byte[8192]);
        byte[][] read = new byte[1][];
        MockFilterChain chain = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                try (InputStream in = req.getInputStream()) {
                    read[0] = in.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        new RequestSizeLimit(settings).doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(read[0]).hasSize(8192);
    }
}
