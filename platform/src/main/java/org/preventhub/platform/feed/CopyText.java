package org.preventhub.platform.feed;

/** Values in PostgreSQL COPY's text format: tab-separated columns, backslash escapes, {@code \N} for null. */
final class CopyText {

    private CopyText() {
    }

    static void appendNullable(StringBuilder row, String value) {
        if (value == null) {
            row.append("\\N");
        } else {
            append(row, value);
        }
    }

    /** Appends the value, escaped; runs without a special character are copied whole. */
    static void append(StringBuilder row, String value) {
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null) {
                row.append(value, start, i).append(escape);
                start = i + 1;
            }
        }
        row.append(value, start, value.length());
    }
}
