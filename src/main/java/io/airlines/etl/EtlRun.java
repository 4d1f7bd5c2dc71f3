package io.airlines.etl;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One run of a job, as listed at {@code /api/v1/etl/runs}; times are ISO-8601 UTC. */
public record EtlRun(String id, String job, @JsonProperty("started_at") String startedAt,
                     @JsonProperty("finished_at") String finishedAt, String status, long requests, long pages,
                     long inserted, long updated, long errors, String message) {
}
