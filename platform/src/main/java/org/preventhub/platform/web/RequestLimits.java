package org.preventhub.platform.web;

import java.util.Map;
import java.util.TreeMap;

/**
 * The lengths a request's headers and parameters may have, checked by {@link HttpFilters} before anything else
 * reads them and documented from here in every service's OpenAPI document ({@link LimitsOpenApiFilter}), so the
 * two cannot drift apart. A parameter that declares a tighter {@code @Size} gets that too.
 */
public final class RequestLimits {

    /** Every query parameter value and every path segment, decoded: a code, a name, a date, a search term. */
    public static final int MAX_PARAMETER_LENGTH = 500;

    /** The request headers an operation takes, by name (case-insensitive), and the longest value of each. */
    public static final Map<String, Integer> HEADERS;

    static {
        Map<String, Integer> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Idempotency-Key", 255); // printable ASCII, 1 to 255 characters (IdempotentRequests)
        headers.put("If-Match", 100); // an ETag this service gave out: a quoted version number
        headers.put("Prefer", 100); // wait=N
        headers.put("X-Batch-Id", 200); // a feed sender's batch id (FeedResource)
        headers.put("X-Access-Purpose", 200); // why personal data is read: a short phrase (referral AccessLog)
        headers.put("X-Booking-Secret", 100); // 22 characters when issued
        HEADERS = java.util.Collections.unmodifiableMap(headers);
    }

    private RequestLimits() {
    }
}
