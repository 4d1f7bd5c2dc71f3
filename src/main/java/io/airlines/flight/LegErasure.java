package io.airlines.flight;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import io.airlines.store.AircraftDataEraser;
import org.springframework.stereotype.Component;

/**
 * An aircraft's legs, their keys and its cursor go with the rest of its data. Leg cutting drops
 * it first, so no write of it is under way or to come when the deletes run.
 */
@Component
class LegErasure implements AircraftDataEraser {

    private final LegPipeline pipeline;
    private final LegStore legs;
    private final LegCursors cursors;

    LegErasure(LegPipeline pipeline, LegStore legs, MongoDatabase database) {
        this.pipeline = pipeline;
        this.legs = legs;
        this.cursors = new LegCursors(database);
    }

    @Override
    public Map<String, Long> erase(String hex) {
        pipeline.forget(hex);
        Map<String, Long> deleted = new LinkedHashMap<>(legs.deleteTransponder(hex));
        deleted.put(LegCursors.COLLECTION, cursors.delete(hex));
        return deleted;
    }
}
