package io.airlines.etl;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One run of a job, as listed at {@code /api/v1/etl/runs}; times are ISO-8601 UTC. A run is
 * {@code queued} (no start time yet), then {@code running}, then {@code succeeded} or {@code failed}
 * with the reason in {@code message}. {@code params} names what the job fetches (pair and dates).
 */
public record EtlRun(String id, String job, @JsonProperty("started_at") String startedAt,
                     @JsonProperty("finished_at") String finishedAt, String status, long requests, long pages,
                     long inserted, long updated, long errors, String message,
                     @JsonProperty("queued_at") String queuedAt, String params) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    static final String STOPPED_BEFORE_START = "server stopped before the run started";
    static final String STOPPED_WHILE_RUNNING = "server stopped while the run was in progress";

    static EtlRun queued(String id, String job, String params, String queuedAt) {
        return new EtlRun(id, job, null, null, QUEUED, 0, 0, 0, 0, 0, null, queuedAt, params);
    }

    EtlRun running(String at) {
        return new EtlRun(id, job, at, null, RUNNING, 0, 0, 0, 0, 0, null, queuedAt, params);
    }

    EtlRun finished(String at, String finalStatus, RunTracker t, String reason) {
        return new EtlRun(id, job, startedAt, at, finalStatus, t.requests(), t.pages(), t.inserted(), t.updated(),
                t.errors(), reason, queuedAt, params);
    }

    /** A run that will never run or finish: its process stopped. */
    EtlRun abandoned(String at, String reason) {
        return new EtlRun(id, job, startedAt, at, FAILED, requests, pages, inserted, updated, errors, reason,
                queuedAt, params);
    }

    boolean done() {
        return SUCCEEDED.equals(status) || FAILED.equals(status);
    }

    /** When it entered the history: queued, or started for runs recorded before there was a queue. */
    String since() {
        return queuedAt != null ? queuedAt : startedAt;
    }
}
