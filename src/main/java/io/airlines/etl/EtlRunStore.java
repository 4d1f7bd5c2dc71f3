package io.airlines.etl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** The {@code etl_runs} history: one document per run, written when it starts and when it ends. */
@Component
public class EtlRunStore {

    private final MongoCollection<Document> runs;

    public EtlRunStore(MongoDatabase database) {
        this.runs = database.getCollection("etl_runs");
    }

    public void createIndexes() {
        runs.createIndex(Indexes.descending("started_at"));
    }

    public void save(EtlRun run) {
        Document doc = new Document("_id", run.id()).append("job", run.job()).append("started_at", run.startedAt())
                .append("finished_at", run.finishedAt()).append("status", run.status())
                .append("requests", run.requests()).append("pages", run.pages())
                .append("inserted", run.inserted()).append("updated", run.updated())
                .append("errors", run.errors()).append("message", run.message());
        runs.replaceOne(Filters.eq("_id", run.id()), doc, new ReplaceOptions().upsert(true));
    }

    /** Newest first. */
    public List<EtlRun> recent(int limit) {
        List<EtlRun> all = new ArrayList<>();
        for (Document d : runs.find()) {
            all.add(new EtlRun(d.getString("_id"), d.getString("job"), d.getString("started_at"),
                    d.getString("finished_at"), d.getString("status"), number(d, "requests"), number(d, "pages"),
                    number(d, "inserted"), number(d, "updated"), number(d, "errors"), d.getString("message")));
        }
        return all.stream().sorted(Comparator.comparing(EtlRun::startedAt).reversed()).limit(limit).toList();
    }

    private static long number(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** Runs left "running" by a process that died are marked as such at start. */
    public void abandonRunning() {
        for (Document d : runs.find(Filters.eq("status", "running"))) {
            runs.updateOne(Filters.eq("_id", d.get("_id")), new Document("$set", new Document("status", "abandoned")
                    .append("finished_at", Instant.now().toString())));
        }
    }
}
