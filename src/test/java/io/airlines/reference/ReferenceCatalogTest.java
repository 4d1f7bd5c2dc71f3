package io.airlines.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The catalog loads after the server is ready: a read before its first load waits for it. */
class ReferenceCatalogTest {

    private static final Map<ReferenceKind, List<Document>> CDG = Map.of(ReferenceKind.AIRPORTS,
            List.of(new Document("_id", "CDG").append("airport_code", "CDG").append("city_code", "PAR")));

    @Test
    void a_read_before_the_first_load_waits_for_it_and_answers_from_it() {
        ReferenceCatalog catalog = new ReferenceCatalog(null);
        CompletableFuture<Optional<Document>> read = CompletableFuture.supplyAsync(() -> catalog.airport("CDG"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());

        catalog.seed(CDG);

        await().atMost(Duration.ofSeconds(5)).until(read::isDone);
        assertThat(read.join()).isPresent();
        assertThat(catalog.airportsOfCity("PAR")).containsExactly("CDG");
    }

    @Test
    void a_read_waiting_longer_than_the_wait_gets_503_rather_than_an_empty_catalog() {
        ReferenceCatalog catalog = new ReferenceCatalog(null, Duration.ofMillis(50));

        assertThatThrownBy(() -> catalog.all(ReferenceKind.AIRPORTS))
                .isInstanceOfSatisfying(ReferenceDataUnavailable.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        catalog.seed(CDG);
        assertThat(catalog.all(ReferenceKind.AIRPORTS)).hasSize(1);
    }
}
