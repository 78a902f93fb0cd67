package org.preventhub.platform.request;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The request id travels in {@code X-Request-Id}: taken from the caller (the gateway) when well-formed,
 * made up otherwise, echoed on the response and put in the logging context as {@code requestId}.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String accept(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
