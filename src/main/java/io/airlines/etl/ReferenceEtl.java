package io.airlines.etl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.airlines.lufthansa.LufthansaClient;
import io.airlines.lufthansa.ReferenceList;
import io.airlines.lufthansa.ReferencePager;
import io.airlines.reference.ReferenceKind;
import io.airlines.reference.ReferenceStore;
import org.bson.Document;

/**
 * Loads the five reference lists, every page, into their collections: upsert by natural key, each
 * key once per run even if the API repeats it on two pages, unchanged documents not rewritten.
 */
public final class ReferenceEtl {

    private final LufthansaClient client;
    private final ReferenceStore store;
    private final Runnable afterLoad;

    public ReferenceEtl(LufthansaClient client, ReferenceStore store, Runnable afterLoad) {
        this.client = client;
        this.store = store;
        this.afterLoad = afterLoad;
    }

    /** The five lists are read side by side (one rate limiter paces them all), each page stored as it comes. */
    public String run(RunTracker tracker) {
        long before = client.stats().requests();
        ReferencePager pager = new ReferencePager(client);
        ExecutorService lists = Executors.newFixedThreadPool(ReferenceKind.values().length, r -> {
            Thread t = new Thread(r, "reference-list");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String>> done = new ArrayList<>();
            for (ReferenceKind kind : ReferenceKind.values()) {
                done.add(lists.submit(() -> load(kind, pager, tracker)));
            }
            List<String> summary = new ArrayList<>();
            for (Future<String> f : done) {
                summary.add(f.get());
            }
            return String.join(", ", summary);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            lists.shutdownNow();
            tracker.requests(client.stats().requests() - before);
            afterLoad.run();
        }
    }

    private String load(ReferenceKind kind, ReferencePager pager, RunTracker tracker) {
        ReferenceList list = ReferenceList.valueOf(kind.name());
        Map<String, Boolean> seen = new LinkedHashMap<>();
        boolean[] first = {true};
        pager.readAll(list, (items, totalPages) -> {
            if (first[0]) {
                tracker.expectPages(Math.max(totalPages, 1));
                first[0] = false;
            }
            List<Document> docs = new ArrayList<>();
            for (var item : items) {
                Document doc = ReferenceDocuments.of(kind, item);
                if (doc == null) {
                    tracker.error();
                } else if (seen.putIfAbsent(doc.getString(kind.keyField()), true) == null) {
                    docs.add(doc);
                }
            }
            var count = store.upsert(kind, docs);
            tracker.written(count.inserted(), count.updated());
            tracker.page();
        });
        return seen.size() + " " + kind.collection();
    }
}
