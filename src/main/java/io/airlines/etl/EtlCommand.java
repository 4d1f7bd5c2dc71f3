package io.airlines.etl;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./airlines etl references|schedules|runs}: asks the running server to queue the job (so the
 * one rate limiter and the "one run at a time" rule hold), waits for the run by its id (saying so
 * while it is queued), draws a progress bar from {@code /api/v1/etl/progress}, then prints the
 * run's summary. Exit 0 on success, 1 on a failed or refused run, 2 when no server answers or the
 * arguments are wrong.
 */
@Command(name = "etl", mixinStandardHelpOptions = true,
        description = "Queue a Lufthansa job on the running Airlines server and follow it.",
        footer = {"", "The server is at AIRLINES_SERVER_URL (default http://127.0.0.1:$SERVER_PORT, port 8050) and must be",
                "started first (./airlines start) with LUFTHANSA_CLIENT_ID and LUFTHANSA_CLIENT_SECRET.",
                "AIRLINES_API_KEY is sent as X-API-Key when set."})
public final class EtlCommand implements Callable<Integer> {

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
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        return new CommandLine(this).setOut(writer).setErr(writer).execute(args);
    }

    /** Without a subcommand: the usage, and the exit code of a usage error. */
    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return 2;
    }

    @Command(name = "references", mixinStandardHelpOptions = true,
            description = "Load countries, cities, airports, airlines and aircraft.")
    int references() throws InterruptedException {
        return talking(() -> start("references", "/api/v1/etl/references"));
    }

    @Command(name = "schedules", mixinStandardHelpOptions = true,
            description = "Load schedules of one pair, or without --from/--to every ordered pair of AIRLINES_ETL_AIRPORTS.")
    int schedules(@Option(names = "--from", paramLabel = "CODE", description = "airport or city, e.g. PAR") String from,
                  @Option(names = "--to", paramLabel = "CODE", description = "airport or city, e.g. JFK") String to,
                  @Option(names = "--date", paramLabel = "yyyy-MM-dd", description = "first day (default tomorrow)") String date,
                  @Option(names = "--days", description = "days from --date, 1..31 (default 1)") Integer days)
            throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("from", from);
        options.put("to", to);
        options.put("date", date);
        options.put("days", days == null ? null : days.toString());
        return talking(() -> start("schedules", "/api/v1/etl/schedules" + query(options)));
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "The last 20 runs, newest first.")
    int runs() throws InterruptedException {
        return talking(this::printRuns);
    }

    private interface ServerCall {
        int call() throws IOException, InterruptedException;
    }

    /** Runs a call to the server; exit 2 when none answers. */
    private int talking(ServerCall call) throws InterruptedException {
        try {
            return call.call();
        } catch (ConnectException e) {
            out.println("No Airlines server answers at " + server + ": start one with ./airlines start "
                    + "(or set SERVER_PORT / AIRLINES_SERVER_URL), then run this again.");
            return 2;
        } catch (IOException e) {
            out.println("Talking to " + server + " failed: " + e.getClass().getSimpleName());
            return 2;
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

    private static String query(Map<String, String> options) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (option.getValue() != null) {
                q.append(q.isEmpty() ? "?" : "&").append(option.getKey()).append('=')
                        .append(URLEncoder.encode(option.getValue(), StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
