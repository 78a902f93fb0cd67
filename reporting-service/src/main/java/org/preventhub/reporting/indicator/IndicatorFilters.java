package org.preventhub.reporting.indicator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An indicator's filters applied to one fact row in Java, as the engine's SQL applies them to a table: a column
 * equal to a value (compared as text), in a list of values, null, or known ({@value #KNOWN}).
 */
final class IndicatorFilters {

    /** A filter value meaning "the column has a value" (SQL: IS NOT NULL), e.g. the day a referral was discussed. */
    static final String KNOWN = "<known>";

    private IndicatorFilters() {
    }

    static boolean matches(Map<String, Object> filters, Map<String, Object> row) {
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            Object actual = row.get(filter.getKey());
            Object wanted = filter.getValue();
            boolean match;
            if (KNOWN.equals(wanted)) {
                match = actual != null;
            } else if (wanted == null) {
                match = actual == null;
            } else if (wanted instanceof List<?> values) {
                match = actual != null && values.stream().map(String::valueOf).anyMatch(v -> v.equals(text(actual)));
            } else {
                match = actual != null && Objects.equals(String.valueOf(wanted), text(actual));
            }
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object value) {
        return value instanceof Boolean b ? b.toString() : value.toString();
    }
}
