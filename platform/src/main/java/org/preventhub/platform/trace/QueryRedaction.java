package org.preventhub.platform.trace;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps query strings out of spans: a search (a referral's name, a postcode) travels in the query, and the HTTP
 * instrumentation records it as {@code url.query} and within {@code url.full}. Paths stay: their ids are
 * pseudonymous references. Runs when a span starts, which is when the instrumentation sets these attributes, and
 * before any exporter sees it.
 */
@Singleton
public class QueryRedaction implements SpanProcessor {

    public static final String REDACTED = "redacted";
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    /** The names of older semantic conventions, should an instrumentation still write them. */
    private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    private static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null && !query.isEmpty()) {
            span.setAttribute(URL_QUERY, REDACTED);
        }
        withoutQuery(span, URL_FULL);
        withoutQuery(span, HTTP_TARGET);
        withoutQuery(span, HTTP_URL);
    }

    private static void withoutQuery(ReadWriteSpan span, AttributeKey<String> key) {
        String url = span.getAttribute(key);
        int query = url == null ? -1 : url.indexOf('?');
        if (query >= 0) {
            span.setAttribute(key, url.substring(0, query) + "?" + REDACTED);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing: attributes are fixed by the time a span ends
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
