package org.preventhub.engagement.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The most codes in one list, and the longest code (the columns holding them are varchar(40)). */
    public static final int MAX_CODES = 100;
    public static final int MAX_CODE_LENGTH = 40;

    private final List<String> organisationTypes;
    private final List<String> eventTypes;

    public Vocabulary(EngagementConfig config) {
        this.organisationTypes = join(config.organisationTypes(), config.extraOrganisationTypes());
        this.eventTypes = join(config.eventTypes(), config.extraEventTypes());
    }

    private static List<String> join(List<String> standard, Optional<List<String>> extra) {
        List<String> all = new ArrayList<>(standard);
        extra.orElse(List.of()).stream().map(String::strip).filter(code -> !code.isEmpty() && !all.contains(code))
                .forEach(all::add);
        // The published vocabulary promises these bounds: a deployment configured past them does not start.
        if (all.size() > MAX_CODES) {
            throw new IllegalStateException("At most " + MAX_CODES + " codes in one vocabulary, not " + all.size());
        }
        all.stream().filter(code -> code.length() > MAX_CODE_LENGTH).findFirst().ifPresent(code -> {
            throw new IllegalStateException("Vocabulary code longer than " + MAX_CODE_LENGTH + " characters: " + code);
        });
        return List.copyOf(all);
    }

    public String organisationType(String field, String value) {
        return require(field, value, organisationTypes);
    }

    public String eventType(String field, String value) {
        return require(field, value, eventTypes);
    }

    public List<String> organisationTypes() {
        return organisationTypes;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public static String require(String field, String value, List<String> known) {
        if (value == null || !known.contains(value)) {
            throw ProblemException.invalidField(field, "one of " + String.join(", ", known));
        }
        return value;
    }
}
