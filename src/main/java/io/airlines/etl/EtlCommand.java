package io.airlines.etl;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./airlines etl references|schedules|runs}: asks the running server to queue the job (so the
 * one rate limiter and the "one run at a time" rule hold), waits for the run by its id (saying so
 * while it is queued), draws a progress bar from {@code /api/v1/etl/progress}, then prints the
 * run's summary. Exit 0 on success, 1 on a failed or refused run, 2 when no server answers or the
 * arguments are wrong.
 */
public final class EtlCommand {

    private static final String USAGE = """
            usage: ./airlines etl references
                   ./airlines etl schedules [--from PAR --to JFK] [--date 2026-12-01] [--days 1]
                   ./airlines etl runs
              Queues the job on the Airlines server at AIRLINES_SERVER_URL (default http://127.0.0.1:$SERVER_PORT,
              port 8050), which must be started first (./airlines start) with LUFTHANSA_CLIENT_ID and
              LUFTHANSA_CLIENT_SECRET. Without from/to, schedules fetches every ordered pair of AIRLINES_ETL_AIRPORTS.
              Sends AIRLINES_API_KEY as X-API-Key when set.
            """;

    private final String server;
    private final String apiKey;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    EtlCommand(String server, String apiKey, PrintStream out) {
        this.server = server;
        this.apiKey = apiKey;
        this.out = out;
    }

    /** Entry point from {@code Application.main}; returns the exit code. */
    public static int run(String[] args) {
        Map<String, String> env = System.getenv();
        String server = env.getOrDefault("AIRLINES_SERVER_URL",
                "http://127.0.0.1:" + env.getOrDefault("SERVER_PORT", "8050"));
        return new EtlCommand(server, env.getOrDefault("AIRLINES_API_KEY", ""), System.out).execute(args);
    }

    int execute(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options = options(List.of(args).subList(1, args.length));
        if (options == null) {
            out.print(USAGE);
            return 2;
        }
        try {
            return switch (args[0]) {
                case "references" -> start("references", "/api/v1/etl/references");
                case "schedules" -> start("schedules", "/api/v1/etl/schedules" + query(options));
                case "runs" -> printRuns();
                default -> {
                    out.print(USAGE);
                    yield 2;
                }
            };
        } catch (ConnectException e) {
            out.println("No Airlines server answers at " + server + ": start one with ./airlines start "
                    + "(or set SERVER_PORT / AIRLINES_SERVER_URL), then run this again.");
            return 2;
        } catch (IOException e) {
            out.println("Talking to " + server + " failed: " + e.getClass().getSimpleName());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int start(String job, String path) throws IOException, InterruptedException {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(server + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (!apiKey.isBlank()) {
            post.header("X-API-Key", apiKey);
        }
        HttpResponse<String> started = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode accepted = parse(started.body());
        if (started.statusCode() != 202 || accepted == null) {
            out.println("The server refused the " + job + " job (HTTP " + started.statusCode() + "): "
                    + (accepted == null ? started.body() : accepted.path("detail").asString("")));
            return started.statusCode() == 400 ? 2 : 1;
        }
        return await(job, accepted.path("id").asString());
    }

    /** Polls the run until it has ended: says once that it waits in the queue, then draws its progress. */
    private int await(String job, String id) throws IOException, InterruptedException {
        Progress bar = System.console() != null ? Progress.bar(out, job) : Progress.NONE;
        String shown = "";
        while (true) {
            JsonNode run = parse(get("/api/v1/etl/runs/" + URLEncoder.encode(id, StandardCharsets.UTF_8)).body());
            String status = run == null ? "" : run.path("status").asString("");
            if (status.equals(EtlRun.SUCCEEDED) || status.equals(EtlRun.FAILED)) {
                out.println();
                out.println(describe(run));
                return status.equals(EtlRun.SUCCEEDED) ? 0 : 1;
            }
            if (status.equals(EtlRun.QUEUED) && !shown.equals(status)) {
                out.println(job + " queued behind the running job (run " + id + "); waiting");
            }
            shown = status;
            JsonNode p = status.equals(EtlRun.RUNNING) ? parse(get("/api/v1/etl/progress").body()) : null;
            if (p != null && id.equals(p.path("id").asString())) {
                bar.update(p.path("pages").asLong(), p.path("totalPages").asLong(), p.path("inserted").asLong(),
                        p.path("updated").asLong());
            }
            Thread.sleep(500);
        }
    }

    private int printRuns() throws IOException, InterruptedException {
        JsonNode runs = parse(get("/api/v1/etl/runs?limit=20").body());
        for (JsonNode run : runs == null ? List.<JsonNode>of() : runs.values()) {
            out.println(describe(run));
        }
        return 0;
    }

    /** One line per run; a queued run shows when it was queued, the others when they started. */
    static String describe(JsonNode run) {
        String at = run.path("started_at").isString() ? run.path("started_at").asString()
                : run.path("queued_at").asString("");
        String params = run.path("params").isString() ? " (" + run.path("params").asString() + ")" : "";
        return at + "  " + run.path("job").asString("") + params + "  "
                + run.path("status").asString("") + "  requests=" + run.path("requests").asLong()
                + " pages=" + run.path("pages").asLong() + " inserted=" + run.path("inserted").asLong()
                + " updated=" + run.path("updated").asLong() + " errors=" + run.path("errors").asLong()
                + (run.path("message").isString() ? "  " + run.path("message").asString() : "");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code --key value} pairs; null when malformed. */
    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                return null;
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        return options;
    }

    private static String query(Map<String, String> options) {
        StringBuilder q = new StringBuilder();
        for (String key : List.of("from", "to", "date", "days")) {
            if (options.containsKey(key)) {
                q.append(q.isEmpty() ? "?" : "&").append(key).append('=')
                        .append(URLEncoder.encode(options.get(key), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
