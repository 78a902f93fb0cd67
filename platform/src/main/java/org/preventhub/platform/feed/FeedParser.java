package org.preventhub.platform.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a feed file one record at a time, so memory does not grow with the file: CSV with a header row, or JSON
 * as an array of objects or {@code {"batchId": "...", "records": [...]}}.
 */
final class FeedParser {

    interface RecordSink {
        void accept(FeedRecord record) throws IOException, SQLException, InterruptedException;
    }

    /** A problem with the file as a whole (no header, broken JSON): reported at the line where it was found. */
    static final class FileProblem extends Exception {
        final long line;

        FileProblem(long line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }
    }

    // A factory with a codec, so nested values can be kept as JSON text.
    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    private static final String BEYOND_LIMITS = limits(JSON.streamReadConstraints());

    private FeedParser() {
    }

    /** @return the batch id named inside a JSON file, or null */
    static String parse(InputStream in, boolean json, Set<String> knownFields, RecordSink sink, RejectionSink rejections)
            throws IOException, SQLException, InterruptedException, FileProblem {
        return json ? parseJson(in, knownFields, sink, rejections) : parseCsv(in, knownFields, sink, rejections);
    }

    interface RejectionSink {
        void reject(long line, String reason) throws IOException;
    }

    private static String parseCsv(InputStream in, Set<String> knownFields, RecordSink sink, RejectionSink rejections)
            throws IOException, SQLException, InterruptedException, FileProblem {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        // Blank lines come through as records and are skipped below: skipped by the parser, they would go uncounted
        // between one record's end and the next one's start, and the next record's line would be reported too low.
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.parse(reader, format);
        } catch (IllegalArgumentException | IOException e) {
            throw new FileProblem(1, "the header row cannot be read (duplicate or empty column names?)");
        }
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new FileProblem(1, "the file has no header row");
        }
        for (int i = 0; i < header.size(); i++) {
            if (!knownFields.contains(stripBom(header.get(i)))) {
                // By position, never by name: a reason never repeats what the sender wrote.
                throw new FileProblem(1, "column " + (i + 1) + " of the header is not a field of this feed; "
                        + expected(knownFields));
            }
        }
        long nextLine = parser.getCurrentLineNumber() + 1;
        try {
            for (CSVRecord row : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue; // a blank line (or one of spaces only)
                }
                if (!row.isConsistent()) {
                    rejections.reject(line, "has " + row.size() + " values for " + header.size() + " columns");
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    fields.put(stripBom(header.get(i)), row.get(i));
                }
                sink.accept(new FeedRecord(line, fields));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileProblem(nextLine, "the CSV is malformed from this line on (an unclosed quote?)");
        }
        return null;
    }

    private static String parseJson(InputStream in, Set<String> knownFields, RecordSink sink, RejectionSink rejections)
            throws IOException, SQLException, InterruptedException, FileProblem {
        try (JsonParser parser = JSON.createParser(in)) {
            try {
                return readJson(parser, knownFields, sink, rejections);
            } catch (StreamConstraintsException e) {
                // Beyond the parser's limits (its own guard against hostile input): the file, not the service, is at
                // fault. The exception has no location, and its message names Jackson's classes.
                throw new FileProblem(parser.currentLocation().getLineNr(), BEYOND_LIMITS);
            }
        } catch (JsonParseException e) {
            throw new FileProblem(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "the JSON is malformed here");
        }
    }

    private static String limits(StreamReadConstraints limits) {
        return "the JSON goes beyond what a feed may hold here (at most " + limits.getMaxNestingDepth()
                + " levels of nesting, and names of " + limits.getMaxNameLength() + ", numbers of "
                + limits.getMaxNumberLength() + " and strings of " + limits.getMaxStringLength() + " characters)";
    }

    private static String readJson(JsonParser parser, Set<String> knownFields, RecordSink sink, RejectionSink rejections)
            throws IOException, SQLException, InterruptedException, FileProblem {
        String batchId = null;
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_ARRAY) {
            readRecords(parser, knownFields, sink, rejections);
        } else if (first == JsonToken.START_OBJECT) {
            int member = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                member++;
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("batchId") && value == JsonToken.VALUE_STRING) {
                    batchId = parser.getText();
                } else if (name.equals("records") && value == JsonToken.START_ARRAY) {
                    readRecords(parser, knownFields, sink, rejections);
                } else {
                    throw new FileProblem(line(parser), "member " + member + " of the top-level object is unexpected; "
                            + "a file is an array of records or {\"batchId\": ..., \"records\": [...]}");
                }
            }
        } else {
            throw new FileProblem(1, "a JSON feed is an array of records or {\"batchId\": ..., \"records\": [...]}");
        }
        return batchId;
    }

    private static void readRecords(JsonParser parser, Set<String> knownFields, RecordSink sink,
            RejectionSink rejections) throws IOException, SQLException, InterruptedException, FileProblem {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new FileProblem(line(parser), "the JSON ends in the middle of the records");
            }
            long line = line(parser);
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                rejections.reject(line, "is not a JSON object");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            int position = 0;
            int unknown = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                position++;
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!knownFields.contains(name) && unknown == 0) {
                    unknown = position;
                }
                switch (value) {
                    case VALUE_NULL -> fields.put(name, null);
                    case START_OBJECT, START_ARRAY -> fields.put(name, parser.readValueAsTree().toString());
                    default -> fields.put(name, parser.getText());
                }
            }
            if (unknown > 0) {
                rejections.reject(line, "field " + unknown + " of the record is not a field of this feed; "
                        + expected(knownFields));
            } else {
                sink.accept(new FeedRecord(line, fields));
            }
        }
    }

    private static String expected(Set<String> knownFields) {
        return "expected " + String.join(", ", knownFields);
    }

    private static long line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String stripBom(String name) {
        return name.startsWith("\uFEFF") ? name.substring(1) : name;
    }
}
