package io.airlines.etl;

import io.airlines.reference.ReferenceStore;
import io.airlines.schedule.TimetableStore;
import org.springframework.stereotype.Component;

/**
 * The indexes of the collections the batch jobs write, the same on the embedded store and on a
 * MongoDB server. Creating an index that exists changes nothing, so every start declares them all,
 * and a data directory that lacks some gets them back.
 */
@Component
class StoreIndexes {

    private final ReferenceStore references;
    private final TimetableStore timetables;
    private final EtlRunStore runs;

    StoreIndexes(ReferenceStore references, TimetableStore timetables, EtlRunStore runs) {
        this.references = references;
        this.timetables = timetables;
        this.runs = runs;
    }

    void create() {
        references.createIndexes();
        timetables.createIndexes();
        runs.createIndexes();
    }
}
