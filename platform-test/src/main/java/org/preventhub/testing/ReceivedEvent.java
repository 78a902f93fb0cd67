package org.preventhub.testing;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent as it arrived on a topic: key, CloudEvent attributes from the headers, and its JSON data. */
public record ReceivedEvent(String key, String id, String type, String source, String subject, String time,
        Map<String, String> headers, JsonNode data, int partition, long offset) {
}
