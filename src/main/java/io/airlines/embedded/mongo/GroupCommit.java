package io.airlines.embedded.mongo;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commits shared by the writes that finish while one runs. A write's answer may go back once a
 * commit that started after the write finished has ended; the writes that finish during a commit
 * all wait for the next one, which one of them runs for all. The file then gets one commit per
 * group instead of one per command: each commit rewrites every page its writes touched up to the
 * root of each tree, so fewer commits write (and compress) far fewer pages.
 */
final class GroupCommit {

    private final Runnable commit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    /** Writes finished, in the order they finished. */
    private long finished;
    /** Every write up to this one is in the file. */
    private long committed;
    private boolean running;
    private long commits;

    GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    /** Called by a write once it has finished: returns when it is committed, or throws the commit's failure. */
    void committed() {
        lock.lock();
        try {
            long mine = ++finished;
            while (committed < mine) {
                if (running) {
                    ended.awaitUninterruptibly();
                } else {
                    lead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one commit for every write finished so far; a failure reaches this writer, the others try again. */
    private void lead() {
        running = true;
        long upTo = finished;
        boolean done = false;
        lock.unlock();
        try {
            commit.run();
            done = true;
        } finally {
            lock.lock();
            running = false;
            if (done) {
                committed = Math.max(committed, upTo);
                commits++;
            }
            ended.signalAll();
        }
    }

    /** Commits run since this opened. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }
}
