package org.preventhub.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of OTLP's protobuf encoding (an {@code ExportTraceServiceRequest}, as the services' exporter posts it
 * over OTLP/HTTP) to list its spans: ids, name, kind, the service that made it and its string attributes. Written by
 * hand from the wire format so the local stack needs no protobuf runtime; fields it does not read are skipped.
 */
final class OtlpSpans {

    /** One span; ids in lower-case hex as W3C {@code traceparent} writes them, an empty parent for a root span. */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind,
            Map<String, String> attributes) {
    }

    /** OTLP's {@code Span.SpanKind}, by its number. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int BYTES = 2;
    private static final int FIXED32 = 5;

    private OtlpSpans() {
    }

    /** The spans of one request body; a malformed body is an {@link IllegalArgumentException}. */
    static List<Span> decode(byte[] body) {
        List<Span> spans = new ArrayList<>();
        Reader request = new Reader(body, 0, body.length);
        while (request.more()) {
            if (request.tag() == 1 && request.wireType() == BYTES) { // resource_spans
                resourceSpans(request.message(), spans);
            } else {
                request.skip();
            }
        }
        return spans;
    }

    private static void resourceSpans(Reader in, List<Span> spans) {
        String service = "";
        List<Reader> scopes = new ArrayList<>();
        while (in.more()) {
            int field = in.tag();
            if (field == 1 && in.wireType() == BYTES) { // resource
                service = attributes(in.message(), 1).getOrDefault("service.name", "");
            } else if (field == 2 && in.wireType() == BYTES) { // scope_spans
                scopes.add(in.message());
            } else {
                in.skip();
            }
        }
        for (Reader scope : scopes) {
            while (scope.more()) {
                if (scope.tag() == 2 && scope.wireType() == BYTES) { // spans
                    spans.add(span(scope.message(), service));
                } else {
                    scope.skip();
                }
            }
        }
    }

    private static Span span(Reader in, String service) {
        String traceId = "", spanId = "", parent = "", name = "";
        Kind kind = Kind.UNSPECIFIED;
        Map<String, String> attributes = new LinkedHashMap<>();
        while (in.more()) {
            int field = in.tag();
            switch (field) {
                case 1 -> traceId = in.is(BYTES) ? HexFormat.of().formatHex(in.bytes()) : traceId;
                case 2 -> spanId = in.is(BYTES) ? HexFormat.of().formatHex(in.bytes()) : spanId;
                case 4 -> parent = in.is(BYTES) ? HexFormat.of().formatHex(in.bytes()) : parent;
                case 5 -> name = in.is(BYTES) ? in.string() : name;
                case 6 -> {
                    long k = in.is(VARINT) ? in.varint() : 0;
                    kind = k >= 0 && k < Kind.values().length ? Kind.values()[(int) k] : Kind.UNSPECIFIED;
                }
                case 9 -> {
                    if (in.is(BYTES)) {
                        keyValue(in.message(), attributes);
                    }
                }
                default -> in.skip();
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, attributes);
    }

    /** The string-valued {@code KeyValue}s at {@code field} of a message. */
    private static Map<String, String> attributes(Reader in, int field) {
        Map<String, String> found = new LinkedHashMap<>();
        while (in.more()) {
            if (in.tag() == field && in.wireType() == BYTES) {
                keyValue(in.message(), found);
            } else {
                in.skip();
            }
        }
        return found;
    }

    private static void keyValue(Reader in, Map<String, String> into) {
        String key = null;
        String value = null;
        while (in.more()) {
            int field = in.tag();
            if (field == 1 && in.wireType() == BYTES) {
                key = in.string();
            } else if (field == 2 && in.wireType() == BYTES) { // AnyValue
                Reader any = in.message();
                while (any.more()) {
                    int kind = any.tag();
                    if (kind == 1 && any.wireType() == BYTES) {
                        value = any.string();
                    } else if ((kind == 3 || kind == 2) && any.wireType() == VARINT) { // int or bool
                        value = Long.toString(any.varint());
                    } else {
                        any.skip();
                    }
                }
            } else {
                in.skip();
            }
        }
        if (key != null && value != null) {
            into.put(key, value);
        }
    }

    /** A cursor over one message's fields: {@link #tag()} reads the next key, then one read or skip per field. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private final int end;
        private int wireType;

        Reader(byte[] data, int from, int to) {
            this.data = data;
            this.position = from;
            this.end = to;
        }

        boolean more() {
            return position < end;
        }

        int tag() {
            long key = varint();
            wireType = (int) (key & 7);
            return (int) (key >>> 3);
        }

        int wireType() {
            return wireType;
        }

        /** Whether the field just tagged has this wire type; if not, it is skipped. */
        boolean is(int type) {
            if (wireType == type) {
                return true;
            }
            skip();
            return false;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= end) {
                    throw new IllegalArgumentException("Truncated varint");
                }
                byte b = data[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("Varint too long");
        }

        Reader message() {
            int length = length();
            Reader inner = new Reader(data, position, position + length);
            position += length;
            return inner;
        }

        byte[] bytes() {
            int length = length();
            byte[] out = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        void skip() {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> advance(8);
                case BYTES -> advance(length());
                case FIXED32 -> advance(4);
                default -> throw new IllegalArgumentException("Unknown wire type " + wireType);
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || length > end - position) {
                throw new IllegalArgumentException("Field longer than its message");
            }
            return (int) length;
        }

        private void advance(int n) {
            if (n > end - position) {
                throw new IllegalArgumentException("Truncated field");
            }
            position += n;
        }
    }
}
