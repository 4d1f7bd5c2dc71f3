package io.airlines.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.airlines.board.LiveStatus;
import io.airlines.board.LiveStatuses;
import io.airlines.board.TimetableFlight;
import io.airlines.reference.ReferenceCatalog;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * An airport's board of a day with each row's live status. A row is cancelled when the timetable
 * marks it so or its operator announced it ({@code board.Cancellations}); a flight cancelled
 * without notice shows {@code no_data} once its time is well past.
 */
@Component
class LiveBoard {

    private final ReferenceCatalog catalog;
    private final LiveStatuses statuses;

    LiveBoard(ReferenceCatalog catalog, LiveStatuses statuses) {
        this.catalog = catalog;
        this.statuses = statuses;
    }

    record Rows(List<BoardRow> departures, List<BoardRow> arrivals) {
    }

    Rows rows(String airport, Document board) {
        ZoneId zone = LocalTimes.zoneOf(catalog, airport);
        List<Document> departures = board.getList("departures", Document.class, List.of());
        List<Document> arrivals = board.getList("arrivals", Document.class, List.of());
        List<Document> all = new ArrayList<>(departures);
        all.addAll(arrivals);
        List<TimetableFlight> flights = new ArrayList<>();
        int[] flightOf = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Document r = all.get(i);
            Optional<Instant> at = LocalTimes.instant(r.getString("t"), zone);
            flightOf[i] = at.isPresent() ? flights.size() : -1;
            if (at.isPresent()) {
                TimetableFlight f = i < departures.size()
                        ? TimetableFlight.departure(r.getString("n"), r.getString("o"), r.getString("d"), at.get())
                        : TimetableFlight.arrival(r.getString("n"), r.getString("o"), r.getString("d"), at.get());
                flights.add(Boolean.TRUE.equals(r.getBoolean("cancelled")) ? f.asCancelled() : f);
            }
        }
        List<LiveStatus> live = statuses.of(flights);
        List<BoardRow> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            rows.add(row(all.get(i), flightOf[i] < 0 ? null : live.get(flightOf[i])));
        }
        return new Rows(rows.subList(0, departures.size()), rows.subList(departures.size(), rows.size()));
    }

    private BoardRow row(Document r, LiveStatus live) {
        return new BoardRow(r.getString("n"), r.getString("c"), catalog.airlineName(r.getString("c")).orElse(null),
                r.getString("o"), r.getString("d"), r.getString("t"), r.getString("a"), live);
    }
}
