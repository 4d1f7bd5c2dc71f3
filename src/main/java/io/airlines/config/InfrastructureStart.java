package io.airlines.config;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.mongodb.event.CommandListener;

/**
 * Kafka and MongoDB started side by side, the store on a thread of its own and the broker on the
 * caller's: neither needs the other, and a start waits for the slower one instead of both. When
 * one fails, the other is closed once it is up, and the failure is thrown as it was raised.
 */
final class InfrastructureStart implements AutoCloseable {

    private final KafkaConnection kafka;
    private final CompletableFuture<MongoConnection> mongo;

    private InfrastructureStart(KafkaConnection kafka, CompletableFuture<MongoConnection> mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static InfrastructureStart begin(AirlinesSettings settings, List<CommandListener> listeners) {
        CompletableFuture<MongoConnection> mongo = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                mongo.complete(MongoConnection.open(settings, listeners));
            } catch (Throwable e) {
                mongo.completeExceptionally(e);
            }
        }, "airlines-store-start");
        starter.start();
        KafkaConnection kafka;
        try {
            kafka = KafkaConnection.open(settings);
        } catch (RuntimeException | Error e) {
            closeWhenUp(mongo);
            throw e;
        }
        return new InfrastructureStart(kafka, mongo);
    }

    KafkaConnection kafka() {
        return kafka;
    }

    MongoConnection mongo() {
        try {
            return mongo.join();
        } catch (CompletionException e) {
            throw asThrown(e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            closeWhenUp(mongo);
        } finally {
            kafka.close();
        }
    }

    private static void closeWhenUp(CompletableFuture<MongoConnection> mongo) {
        try {
            mongo.join().close();
        } catch (CompletionException e) {
            // It did not start: nothing to close, and its failure is not the one to report.
        }
    }

    private static RuntimeException asThrown(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
