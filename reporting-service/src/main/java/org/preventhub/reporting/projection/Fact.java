package org.preventhub.reporting.projection;

import java.util.ArrayList;
import java.util.List;

/**
 * One fact table's upsert, written as DDL-like {@code name type} pairs and the conflict rule. Rows are sent as one
 * text array per column and unnested on the server: one statement shape, prepared once, whatever the batch size,
 * instead of a VALUES list of thousands of parameters parsed and planned for every batch.
 */
record Fact(String table, String columnSpec, String onConflict) {

    /** One row for this fact table, its values in the order of {@link #columnSpec}; the first is the key. */
    Row row(Object... params) {
        return new Row(this, params);
    }

    record Row(Fact fact, Object[] params) {
    }

    String sql(String schema) {
        List<String> names = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (String column : columnSpec.strip().split(",\\s*")) {
            String[] nameAndType = column.strip().split("\\s+", 2);
            String name = nameAndType[0];
            String type = nameAndType[1];
            names.add(name);
            // An array column arrives as one array literal per row: unnest would flatten an array of arrays.
            boolean arrayValued = type.endsWith("[]");
            selected.add(arrayValued ? name + "::" + type : name);
            arrays.add("?::" + (arrayValued ? "text" : type) + "[]");
        }
        return "INSERT INTO " + schema + "." + table + " (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", selected) + " FROM unnest(" + String.join(", ", arrays) + ") AS v("
                + String.join(", ", names) + ") " + onConflict;
    }
}
