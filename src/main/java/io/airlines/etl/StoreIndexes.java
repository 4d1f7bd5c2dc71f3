package io.airlines.etl;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.airlines.config.MongoConnection;
import io.airlines.reference.ReferenceKind;
import io.airlines.reference.ReferenceStore;
import io.airlines.schedule.TimetableStore;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The indexes of the collections the batch jobs write: the unique ones everywhere, the others on a
 * MongoDB server only. The embedded store ignores a non-unique index, yet reads the whole
 * collection through twice for each one every time it opens its file, a start slowed by every
 * document stored; so there they are dropped, also from a data directory that has them.
 */
@Component
class StoreIndexes {

    private static final String ID_INDEX = "_id_";

    private final MongoConnection connection;
    private final MongoDatabase database;
    private final ReferenceStore references;
    private final TimetableStore timetables;
    private final EtlRunStore runs;

    StoreIndexes(MongoConnection connection, MongoDatabase database, ReferenceStore references,
                 TimetableStore timetables, EtlRunStore runs) {
        this.connection = connection;
        this.database = database;
        this.references = references;
        this.timetables = timetables;
        this.runs = runs;
    }

    void create() {
        references.createIndexes();
        if (connection.embedded()) {
            collectionNames().forEach(name -> dropNonUnique(database.getCollection(name)));
        } else {
            references.createSecondaryIndexes();
            timetables.createIndexes();
            runs.createIndexes();
        }
    }

    static List<String> collectionNames() {
        List<String> names = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            names.add(kind.collection());
        }
        names.add(TimetableStore.FLIGHTS);
        names.add(EtlRunStore.COLLECTION);
        return names;
    }

    private static void dropNonUnique(MongoCollection<Document> collection) {
        for (Document index : collection.listIndexes()) {
            String name = index.getString("name");
            if (!ID_INDEX.equals(name) && !Boolean.TRUE.equals(index.getBoolean("unique"))) {
                collection.dropIndex(name);
            }
        }
    }
}
