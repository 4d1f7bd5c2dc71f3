package io.airlines.lufthansa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

/**
 * Reads a whole reference list: the first page tells {@code Meta.TotalCount}, then the remaining
 * offsets are fetched a few at a time (the shared rate limiter paces them) and handed over in
 * order. Without a total, it follows {@code Meta.Link @Rel=next} until there is none.
 */
public final class ReferencePager {

    private final LufthansaClient client;

    public ReferencePager(LufthansaClient client) {
        this.client = client;
    }

    /** Listener of each page, in offset order; {@code total} pages once known (else -1). */
    public interface PageListener {
        void page(List<JsonNode> items, long totalPages);
    }

    public void readAll(ReferenceList list, PageListener listener) {
        int size = client.settings().pageSize();
        JsonNode first = fetch(list, 0, size).orElse(null);
        if (first == null) {
            listener.page(List.of(), 0);
            return;
        }
        JsonNode resource = first.path(list.resource);
        Long total = Optional.ofNullable(LufthansaJson.number(LufthansaJson.at(resource, "Meta", "TotalCount")))
                .map(Double::longValue).orElse(null);
        long pages = total == null ? -1 : Math.max(1, (total + size - 1) / size);
        listener.page(items(list, first), pages);
        if (total != null) {
            readRest(list, size, total, pages, listener);
        } else {
            followLinks(list, first, listener);
        }
    }

    private void readRest(ReferenceList list, int size, long total, long pages, PageListener listener) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, client.settings().parallelism()), r -> {
            Thread t = new Thread(r, "lufthansa-pages");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<JsonNode>>> futures = new ArrayList<>();
            for (long offset = size; offset < total; offset += size) {
                long o = offset;
                futures.add(pool.submit(() -> fetch(list, o, size)));
            }
            for (Future<Optional<JsonNode>> f : futures) {
                listener.page(f.get().map(p -> items(list, p)).orElse(List.of()), pages);
            }
        } catch (ExecutionException e) {
            futuresFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LufthansaException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void futuresFailed(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            throw r;
        }
        throw new LufthansaException("page fetch failed", e.getCause());
    }

    private void followLinks(ReferenceList list, JsonNode page, PageListener listener) {
        JsonNode current = page;
        while (true) {
            Optional<String> next = LufthansaJson.nextLink(LufthansaJson.at(current, list.resource, "Meta"));
            if (next.isEmpty()) {
                return;
            }
            String href = next.get();
            String base = client.settings().baseUrl();
            String path = href.startsWith(base) ? href.substring(base.length()) : href.replaceFirst("^https?://[^/]+(/v1)?", "");
            Optional<JsonNode> body = client.get(path);
            if (body.isEmpty()) {
                return;
            }
            current = body.get();
            listener.page(items(list, current), -1);
        }
    }

    private Optional<JsonNode> fetch(ReferenceList list, long offset, int size) {
        return client.get("/mds-references/" + list.path + "?limit=" + size + "&offset=" + offset);
    }

    static List<JsonNode> items(ReferenceList list, JsonNode page) {
        return LufthansaJson.list(LufthansaJson.at(page, list.resource, list.plural, list.item));
    }
}
