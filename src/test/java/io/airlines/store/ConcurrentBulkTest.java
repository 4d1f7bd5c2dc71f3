package io.airlines.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import io.airlines.bench.ScratchStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One bulk write spread over concurrent commands, against the embedded store in a file. */
class ConcurrentBulkTest {

    @Test
    void writes_are_cut_into_even_commands_of_at_most_the_cap_and_small_writes_stay_one_command() {
        assertThat(ConcurrentBulk.commands(5000, 2, 2000, 250)).extracting(c -> c[1] - c[0]).containsExactly(1250, 1250, 1250, 1250);
        assertThat(ConcurrentBulk.commands(4000, 2, 2000, 250)).extracting(c -> c[1] - c[0]).containsExactly(2000, 2000);
        assertThat(ConcurrentBulk.commands(499, 2, 2000, 250)).extracting(c -> c[1] - c[0]).containsExactly(499);
        assertThat(ConcurrentBulk.commands(5000, 1, 2000, 250)).extracting(c -> c[1] - c[0]).containsExactly(1666, 1667, 1667);
        assertThat(ConcurrentBulk.commands(0, 2, 2000, 250)).isEmpty();
        List<int[]> odd = ConcurrentBulk.commands(7001, 3, 2000, 250);
        assertThat(odd.get(0)[0]).isZero();
        assertThat(odd.get(odd.size() - 1)[1]).isEqualTo(7001);
        for (int i = 1; i < odd.size(); i++) {
            assertThat(odd.get(i)[0]).as("contiguous").isEqualTo(odd.get(i - 1)[1]);
        }
    }

    @TempDir
    Path dir;

    /** With one writer, every command goes out from the calling thread, one after the other. */
    @ParameterizedTest(name = "{0} writer(s): {1} commands")
    @CsvSource({"2, 4", "1, 3"})
    void every_write_is_applied_and_a_failed_command_is_reported_once_the_others_are_answered(int writers, int commands)
            throws Exception {
        try (ScratchStore store = ScratchStore.inFile(dir); ConcurrentBulk bulk = new ConcurrentBulk(writers, 2000, 250)) {
            MongoCollection<Document> c = store.database("bulk").getCollection("docs");
            assertThat(bulk.write(c, inserts(0, 5000))).isEqualTo(commands);
            assertThat(c.countDocuments()).isEqualTo(5000);

            // Half of the second command repeats stored ids: it fails, unordered, after applying the rest.
            List<WriteModel<Document>> mixed = inserts(5000, 8000);
            mixed.addAll(inserts(0, 1000));
            assertThatThrownBy(() -> bulk.write(c, mixed)).isInstanceOf(MongoBulkWriteException.class);
            assertThat(c.countDocuments()).as("every new document, each once").isEqualTo(8000);
        }
    }

    private static List<WriteModel<Document>> inserts(int from, int to) {
        List<WriteModel<Document>> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new InsertOneModel<>(new Document("_id", i).append("v", "x".repeat(20))));
        }
        return out;
    }
}
