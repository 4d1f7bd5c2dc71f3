package io.airlines.flight;

import java.time.Instant;

import com.mongodb.client.MongoDatabase;
import io.airlines.store.RetainedData;
import org.springframework.stereotype.Component;

/** Leg cutting's cursors ({@code leg_open}) of transponders silent past the retention go with their legs. */
@Component
class OpenLegRetention implements RetainedData {

    private final LegCursors cursors;

    OpenLegRetention(MongoDatabase database) {
        this.cursors = new LegCursors(database);
    }

    @Override
    public long purgeOlderThan(Instant cutoff) {
        return cursors.purgeOlderThan(cutoff);
    }
}
