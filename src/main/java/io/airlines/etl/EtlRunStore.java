package io.airlines.etl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** The {@code etl_runs} history: one document per run, written when it is queued, starts and ends. */
@Component
class EtlRunStore {

    static final String COLLECTION = "etl_runs";

    private final MongoCollection<Document> runs;

    public EtlRunStore(MongoDatabase database) {
        this.runs = database.getCollection(COLLECTION);
    }

    public void createIndexes() {
        runs.createIndex(Indexes.descending("started_at"));
        runs.createIndex(Indexes.ascending("status"));
    }

    public void save(EtlRun run) {
        Document doc = new Document("_id", run.id()).append("job", run.job()).append("started_at", run.startedAt())
                .append("finished_at", run.finishedAt()).append("status", run.status())
                .append("requests", run.requests()).append("pages", run.pages())
                .append("inserted", run.inserted()).append("updated", run.updated())
                .append("errors", run.errors()).append("message", run.message())
                .append("queued_at", run.queuedAt()).append("params", run.params());
        runs.replaceOne(Filters.eq("_id", run.id()), doc, new ReplaceOptions().upsert(true));
    }

    /** Newest first (by the time each entered the history). */
    public List<EtlRun> recent(int limit) {
        return find(Filters.empty()).stream().sorted(Comparator.comparing(EtlRun::since,
                Comparator.nullsFirst(Comparator.<String>naturalOrder())).reversed())
                .limit(limit).toList();
    }

    public Optional<EtlRun> byId(String id) {
        return find(Filters.eq("_id", id)).stream().findFirst();
    }

    List<EtlRun> unfinished() {
        return find(Filters.in("status", EtlRun.QUEUED, EtlRun.RUNNING));
    }

    private List<EtlRun> find(Bson filter) {
        List<EtlRun> found = new ArrayList<>();
        for (Document d : runs.find(filter)) {
            found.add(new EtlRun(d.getString("_id"), d.getString("job"), d.getString("started_at"),
                    d.getString("finished_at"), d.getString("status"), number(d, "requests"), number(d, "pages"),
                    number(d, "inserted"), number(d, "updated"), number(d, "errors"), d.getString("message"),
                    d.getString("queued_at"), d.getString("params")));
        }
        return found;
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
