package io.airlines.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Hostile and boundary inputs, drawn from a seeded random source so a failure can be replayed. */
final class FuzzValues {

    static final List<String> STRINGS = List.of(
            "", " ", "a", "PAR", "FRA", "LH400", "3c6444", "x".repeat(5000), "\u0000", "😀✈️", "Ωμέγα", "東京",
            "\uFFFF", "\u202Eevil", "'\"<script>alert(1)</script>", "{\"$gt\":\"\"}", "$where", "{$ne:1}",
            "../../etc/passwd", "..\\..\\windows", "null", "undefined", "NaN", "Infinity", "-1", "0",
            "9223372036854775808", "-9223372036854775809", "1e309", "-1e309", "2147483648", "1.5",
            "2026-02-30", "2026-12-01T25:61", "1970-01-01", "+999999999-12-31", "2026-12-01T10:00:00Z",
            ",,,", "1,2,3", "-180,-90,180,90", "181,91,-181,-91", "NaN,NaN,NaN,NaN", "1e309,0,0,0", "a,b,c,d",
            "true", "%", "%%", "*", ".*", "(a+)+$", "\\", "/", ";", "\r\nX-Injected: 1", "${jndi:ldap://127.0.0.1/a}");

    /** Ends of what dates and numbers can hold, where parsing succeeds and arithmetic overflows. */
    static final List<String> EXTREMES = List.of("+300000000-01-01T00:00:00Z", "-300000000-01-01T00:00:00Z",
            "+1000000000-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "9999-12-31T23:59:59.999Z", "+999999999-12-31", "-999999999-01-01", "1e308", "-1e308", "4.9e-324",
            "-0", "NaN", "-Infinity", "2147483647", "-2147483648", "9223372036854775807", "-9223372036854775808",
            "99999999999999999999");

    /** Already percent-encoded: invalid UTF-8, overlong encodings, encoded traversal. */
    static final List<String> RAW_ENCODED = List.of("%FF%FE", "%C0%AF", "%ED%A0%80", "%2e%2e%2f%2e%2e", "..%2f..%2f",
            "%00", "%0d%0aSet-Cookie:%20injected=1", "%25%32%65");

    static final List<String> NOSQL_PARAMS = List.of("q[$gt]=", "q[$ne]=1", "$where=sleep(1000)", "filter={\"$gt\":\"\"}",
            "limit[$gt]=0", "from[$regex]=.*", "__proto__[x]=1", "constructor.prototype.x=1");

    static final List<String> BODIES = List.of("", "{", "null", "[]", "{}", "\"x\"", "{\"$gt\":\"\"}",
            "{\"callsign\":{\"$gt\":\"\"},\"lat\":\"NaN\"}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\u0000\u0001\u0002\uFFFE", "<?xml version=\"1.0\"?><a/>",
            "{\"icao24\":\"3c6444\",\"lat\":1e309}\n{garbage}\n", "x".repeat(200_000));

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-ndjson", "text/plain",
            "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "application/json; charset=utf-7", "*/*", "garbage", "");

    private final Random random;

    FuzzValues(long seed) {
        this.random = new Random(seed);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** A value for a parameter of this OpenAPI type, percent-encoded for a URL. */
    String encoded(String type) {
        if (chance(15)) {
            return pick(RAW_ENCODED);
        }
        String value = switch (type) {
            case "integer" -> chance(50) ? String.valueOf(boundaryInt()) : pick(STRINGS);
            case "number" -> chance(50) ? String.valueOf(random.nextDouble() * 1e6 - 5e5) : pick(STRINGS);
            case "boolean" -> chance(50) ? String.valueOf(random.nextBoolean()) : pick(STRINGS);
            default -> chance(10) ? randomUnicode(random.nextInt(64)) : pick(STRINGS);
        };
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private long boundaryInt() {
        long[] values = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1000, 1_000_000};
        return values[random.nextInt(values.length)];
    }

    private String randomUnicode(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int cp = random.nextInt(0x10FFFF);
            if (Character.isValidCodePoint(cp) && !Character.isSurrogate((char) cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }
}
