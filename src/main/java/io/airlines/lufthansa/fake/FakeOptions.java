package io.airlines.lufthansa.fake;

/**
 * How the fake Lufthansa API misbehaves. Counters are per request number n (1-based) over every
 * request the fake receives; 0 disables a fault.
 *
 * @param itemsPerList       items served per reference list (0: the whole shipped data set)
 * @param tokenTtlSeconds    {@code expires_in} of issued tokens
 * @param revokeTokenEvery   a token expires (401) after serving this many API requests, whatever its age
 * @param serverErrorEvery   every n-th API request answers 503
 * @param truncateEvery      every n-th API request answers 200 with half a body
 * @param overQpsEvery       every n-th API request answers 403 "Developer Over Qps" (besides real excess)
 * @param perSecond          requests per second enforced with 403 over-QPS (0: not enforced)
 * @param perHour            requests per hour enforced with 403 over-rate (0: not enforced)
 * @param latencyMillis      added to each answer
 */
public record FakeOptions(int itemsPerList, int tokenTtlSeconds, int revokeTokenEvery, int serverErrorEvery,
                          int truncateEvery, int overQpsEvery, int perSecond, int perHour, int latencyMillis) {

    /** Well-behaved, with the real API's limits. */
    public static FakeOptions polite() {
        return new FakeOptions(0, 3600, 0, 0, 0, 0, 5, 1000, 5);
    }

    /** Every quirk and fault at once, on small lists. */
    public static FakeOptions hostile(int itemsPerList) {
        return new FakeOptions(itemsPerList, 3600, 10, 5, 6, 9, 5, 1000, 2);
    }

    public FakeOptions withItemsPerList(int n) {
        return new FakeOptions(n, tokenTtlSeconds, revokeTokenEvery, serverErrorEvery, truncateEvery, overQpsEvery,
                perSecond, perHour, latencyMillis);
    }
}
