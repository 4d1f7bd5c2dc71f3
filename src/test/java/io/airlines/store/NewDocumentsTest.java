package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.airlines.bench.ScratchStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class NewDocumentsTest {

    @Test
    void new_documents_are_inserted_and_stored_ones_left_as_they_are() throws Exception {
        try (ScratchStore store = ScratchStore.inMemory()) {
            MongoCollection<Document> keys = store.database("new").getCollection("keys");
            assertThat(NewDocuments.insert(keys, List.of(key("a", "leg1"), key("b", "leg1")))).isEqualTo(2);

            // Written again (a replay) with one new key and one that now names another leg.
            assertThat(NewDocuments.insert(keys, List.of(key("a", "leg1"), key("b", "leg2"), key("c", "leg2"))))
                    .isEqualTo(1);

            assertThat(keys.find().sort(new Document("_id", 1)).map(d -> d.getString("_id") + "=" + d.getString("leg"))
                    .into(new ArrayList<>())).containsExactly("a=leg1", "b=leg1", "c=leg2");
            assertThat(NewDocuments.insert(keys, List.of())).isZero();
        }
    }

    @Test
    void a_write_larger_than_a_command_goes_out_in_slices_and_counts_the_new_ones_of_all() throws Exception {
        try (ScratchStore store = ScratchStore.inMemory()) {
            MongoCollection<Document> keys = store.database("new").getCollection("keys");
            List<Document> stored = new ArrayList<>();
            List<Document> all = new ArrayList<>();
            for (int i = 0; i < 2 * NewDocuments.SLICE + 7; i++) {
                Document key = key("k" + i, "leg" + i);
                all.add(key);
                if (i % 3 == 0) {
                    stored.add(key("k" + i, "leg" + i));
                }
            }
            NewDocuments.insert(keys, stored);

            assertThat(NewDocuments.insert(keys, all)).isEqualTo(all.size() - stored.size());
            assertThat(keys.countDocuments()).isEqualTo(all.size());
        }
    }

    @Test
    void a_duplicate_of_another_unique_field_is_not_a_stored_document_and_is_thrown() throws Exception {
        try (ScratchStore store = ScratchStore.inMemory()) {
            MongoCollection<Document> keys = store.database("new").getCollection("keys");
            keys.createIndex(Indexes.ascending("leg"), new IndexOptions().unique(true));
            NewDocuments.insert(keys, List.of(key("a", "leg1")));

            // Same code as a duplicate id on the store's side; the id itself is new, so it is lost if swallowed.
            assertThatThrownBy(() -> NewDocuments.insert(keys, List.of(key("b", "leg1"))))
                    .isInstanceOf(MongoBulkWriteException.class);
        }
    }

    private static Document key(String id, String leg) {
        return new Document("_id", id).append("leg", leg);
    }
}
