package io.airlines.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService writers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    /** A commit that blocks until released, counting how many started. */
    private static final class HeldCommit implements Runnable {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger ended = new AtomicInteger();
        volatile CountDownLatch release = new CountDownLatch(1);

        @Override
        public void run() {
            CountDownLatch mine = release;
            started.incrementAndGet();
            try {
                if (!mine.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended.incrementAndGet();
        }
    }

    @Test
    void aLoneWriteRunsItsOwnCommit() {
        AtomicInteger commits = new AtomicInteger();
        GroupCommit group = new GroupCommit(commits::incrementAndGet);

        group.committed();
        group.committed();

        assertThat(commits).hasValue(2);
        assertThat(group.commits()).isEqualTo(2);
    }

    @Test
    void writesFinishedDuringACommitWaitForTheNextAndShareIt() {
        HeldCommit commit = new HeldCommit();
        GroupCommit group = new GroupCommit(commit);
        CompletableFuture<Void> first = CompletableFuture.runAsync(group::committed, writers);
        await().atMost(Duration.ofSeconds(10)).until(() -> commit.started.get() == 1);

        // Three writes finish while the first commit runs: it may not cover them.
        CountDownLatch second = commit.release;
        commit.release = new CountDownLatch(1);
        CompletableFuture<?>[] during = new CompletableFuture<?>[3];
        for (int i = 0; i < during.length; i++) {
            during[i] = CompletableFuture.runAsync(group::committed, writers);
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> commit.started.get() == 1);
        second.countDown();
        first.join();
        await().atMost(Duration.ofSeconds(10)).until(() -> commit.started.get() == 2);
        assertThat(CompletableFuture.allOf(during)).isNotDone();

        commit.release.countDown();
        CompletableFuture.allOf(during).join();
        assertThat(commit.started).hasValue(2);
        assertThat(commit.ended).hasValue(2);
        assertThat(group.commits()).isEqualTo(2);
    }

    @Test
    void aFailedCommitReachesItsWriterAndTheNextWriteCommitsAgain() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });

        assertThatThrownBy(group::committed).hasMessage("disk full");
        group.committed();

        assertThat(calls).hasValue(2);
        assertThat(group.commits()).isEqualTo(1);
    }
}
