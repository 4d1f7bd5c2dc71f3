package io.airlines.etl;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of a running job, read by the progress display and saved in {@code etl_runs}. */
public final class RunTracker {

    final AtomicLong requests = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    final AtomicLong totalPages = new AtomicLong();
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    private final Progress progress;

    public RunTracker(Progress progress) {
        this.progress = progress;
    }

    public void requests(long n) {
        requests.addAndGet(n);
    }

    public void expectPages(long n) {
        totalPages.addAndGet(n);
        show();
    }

    public void page() {
        pages.incrementAndGet();
        show();
    }

    public void written(long insertedCount, long updatedCount) {
        inserted.addAndGet(insertedCount);
        updated.addAndGet(updatedCount);
    }

    public void error() {
        errors.incrementAndGet();
    }

    public long requests() {
        return requests.get();
    }

    public long pages() {
        return pages.get();
    }

    public long inserted() {
        return inserted.get();
    }

    public long updated() {
        return updated.get();
    }

    public long totalPages() {
        return totalPages.get();
    }

    public long errors() {
        return errors.get();
    }

    private void show() {
        progress.update(pages.get(), totalPages.get(), inserted.get(), updated.get());
    }
}
