package org.preventhub.engagement.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;

/** The engagement vocabularies: configurable code lists, and the fixed ones. */
@ApplicationScoped
public class Vocabulary {

    public static final List<String> AUDIENCES = List.of("COMMUNITY", "FAITH", "BUSINESS", "EDUCATION", "VOLUNTARY_SECTOR",
            "PROFESSIONALS");
    public static final List<String> CHANNELS = List.of("NEWSLETTER", "SCHOOLS_NEWSLETTER", "BULLETIN", "SOCIAL_POST",
            "WEB_UPDATE", "PRESS_RESPONSE");
    public static final List<String> COUNTED_BY = List.of("HEADCOUNT", "REGISTER", "BOOKINGS", "ESTIMATE");
    public static final List<String> PARTNER_ROLES = List.of("ORGANISER", "PARTNER", "FUNDER");

    private final EngagementConfig config;

    public Vocabulary(EngagementConfig config) {
        this.config = config;
    }

    public String organisationType(String field, String value) {
        return require(field, value, config.organisationTypes());
    }

    public String eventType(String field, String value) {
        return require(field, value, config.eventTypes());
    }

    public List<String> eventTypes() {
        return config.eventTypes();
    }

    public static String require(String field, String value, List<String> known) {
        if (value == null || !known.contains(value)) {
            throw ProblemException.invalidField(field, "one of " + String.join(", ", known));
        }
        return value;
    }
}
