package io.airlines.etl;

import java.io.PrintStream;

/** Where a job reports pages done out of pages known; a bar on a terminal, nothing otherwise. */
public interface Progress {

    Progress NONE = (done, total, inserted, updated) -> { };

    void update(long done, long total, long inserted, long updated);

    /** A bar redrawn in place, for a console ({@code System.console() != null}). */
    static Progress bar(PrintStream out, String label) {
        return (done, total, inserted, updated) -> {
            int width = 30;
            int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
            out.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                    + done + "/" + (total <= 0 ? "?" : total) + " pages, " + inserted + " new, " + updated + " updated ");
            out.flush();
        };
    }
}
