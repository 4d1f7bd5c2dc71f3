package io.airlines.embedded.mongo;

import java.util.Map;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An update that replaces one document named by its text {@code _id}, and the document it leaves:
 * {@code _id} first, then the replacement's fields in their order, as MongoDB stores a replacement.
 * Anything else (operators, a query beyond the {@code _id}, another {@code _id} in the replacement,
 * dotted field names, which the generic update refuses) is not one, and takes the generic path.
 */
record ReplaceById(String id, Document document) {

    /** The replacement this update is, or null. */
    static ReplaceById of(Document selector, Document update, boolean multi, ArrayFilters arrayFilters,
                          String idField) {
        if (multi || idField == null || selector.size() != 1 || !(selector.get(idField) instanceof String id)
                || !arrayFilters.isEmpty()) {
            return null;
        }
        Document document = new Document(idField, id);
        for (Map.Entry<String, Object> field : update.entrySet()) {
            String name = field.getKey();
            if (name.startsWith("$") || name.indexOf('.') >= 0) {
                return null;
            }
            if (name.equals(idField)) {
                if (!id.equals(field.getValue())) {
                    return null;
                }
            } else {
                document.put(name, field.getValue());
            }
        }
        return new ReplaceById(id, document);
    }
}
