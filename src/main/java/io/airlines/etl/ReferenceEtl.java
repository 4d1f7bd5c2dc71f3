package io.airlines.etl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public String run(RunTracker tracker) {
        long before = client.stats().requests();
        ReferencePager pager = new ReferencePager(client);
        List<String> summary = new ArrayList<>();
        try {
            for (ReferenceKind kind : ReferenceKind.values()) {
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
                summary.add(seen.size() + " " + kind.collection());
            }
        } finally {
            tracker.requests(client.stats().requests() - before);
            afterLoad.run();
        }
        return String.join(", ", summary);
    }
}
