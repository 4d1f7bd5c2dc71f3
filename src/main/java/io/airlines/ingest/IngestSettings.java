package io.airlines.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code POST /api/v1/positions}: how many batches are read at once. Each may hold up to its body
 * size (AIRLINES_MAX_POSITIONS_BODY_SIZE) of checked lines until Kafka acknowledges them.
 */
@ConfigurationProperties("airlines.ingest")
record IngestSettings(@DefaultValue("4") int maxConcurrent) {
}
