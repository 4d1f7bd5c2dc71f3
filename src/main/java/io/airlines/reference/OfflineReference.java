package io.airlines.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.bson.Document;

/**
 * The open reference set shipped in the jar (OurAirports, OpenFlights; see NOTICE), already in the
 * shape of the store. Built by {@code scripts/reference-data/build.py}.
 */
public final class OfflineReference {

    public static final String RESOURCE = "/reference/offline-reference.json.gz";
    /** Bumped when the shipped set changes, so existing stores get the new documents. */
    public static final String VERSION = "openflights-ourairports-1";

    private OfflineReference() {
    }

    public static Map<ReferenceKind, List<Document>> load() {
        try (InputStream in = OfflineReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            String json = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            Document all = Document.parse(json);
            Map<ReferenceKind, List<Document>> result = new EnumMap<>(ReferenceKind.class);
            for (ReferenceKind kind : ReferenceKind.values()) {
                List<Document> docs = all.getList(kind.collection(), Document.class);
                docs.forEach(d -> d.put("source", "offline"));
                result.put(kind, docs);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
