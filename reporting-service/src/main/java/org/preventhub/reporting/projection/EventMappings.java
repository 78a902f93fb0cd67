package org.preventhub.reporting.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.preventhub.contracts.Topics;

/**
 * Where each event type is turned into facts: one mapping per topic, each keyed by its {@code *EventTypes}
 * constants. A type in none of them (a future one) is recorded as processed and makes no fact.
 */
final class EventMappings {

    /** Topic to its mappings by event type. */
    static final Map<String, Map<String, EventMapping<?>>> BY_TOPIC = Map.of(
            Topics.TRAINING, TrainingFacts.BY_TYPE,
            Topics.REFERRAL, ReferralFacts.BY_TYPE,
            Topics.ENGAGEMENT, EngagementFacts.BY_TYPE);

    /** Types are unique across topics, so an event is read by its type wherever it came from. */
    static final Map<String, EventMapping<?>> BY_TYPE = byType(List.copyOf(BY_TOPIC.values()));

    private EventMappings() {
    }

    private static Map<String, EventMapping<?>> byType(List<Map<String, EventMapping<?>>> topics) {
        Map<String, EventMapping<?>> all = new HashMap<>();
        for (Map<String, EventMapping<?>> topic : topics) {
            topic.forEach((type, mapping) -> {
                if (all.put(type, mapping) != null) {
                    throw new IllegalStateException(type + " is mapped on two topics");
                }
            });
        }
        return Map.copyOf(all);
    }
}
