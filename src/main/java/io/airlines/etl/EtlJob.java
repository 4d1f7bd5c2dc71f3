package io.airlines.etl;

/**
 * A job to run: its kind ({@code references}, {@code schedules}, {@code demo-timetable}...), the
 * parameters that make two requests the same job, and its work.
 */
record EtlJob(String name, String params, Work work) {

    public interface Work {
        /** Returns a short summary; throws to fail the run. */
        String run(RunTracker tracker) throws Exception;
    }

    /** Identical jobs (same kind, same parameters) waiting in the queue are run once. */
    String key() {
        return name + " " + params;
    }
}
