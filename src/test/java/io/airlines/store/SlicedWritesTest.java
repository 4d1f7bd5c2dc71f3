package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.airlines.bench.ScratchStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SlicedWritesTest {

    @Test
    void each_slice_is_built_only_once_the_one_before_is_stored_and_all_are_stored() throws Exception {
        try (ScratchStore store = ScratchStore.inMemory()) {
            MongoCollection<Document> documents = store.database("sliced").getCollection("documents");
            List<Integer> items = IntStream.range(0, 2 * SlicedWrites.SLICE + 10).boxed().toList();
            List<Long> storedWhenSliceBuilt = new ArrayList<>();

            SlicedWrites.write(documents, items, i -> {
                if (i % SlicedWrites.SLICE == 0) {
                    storedWhenSliceBuilt.add(documents.countDocuments());
                }
                return new ReplaceOneModel<>(Filters.eq("_id", i), new Document("_id", i).append("n", i),
                        new ReplaceOptions().upsert(true));
            });

            assertThat(storedWhenSliceBuilt).containsExactly(0L, (long) SlicedWrites.SLICE, 2L * SlicedWrites.SLICE);
            assertThat(documents.countDocuments()).isEqualTo(items.size());
        }
    }
}
