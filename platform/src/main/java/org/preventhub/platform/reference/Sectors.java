package org.preventhub.platform.reference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;

/**
 * The deployment's sectors: one controlled vocabulary for every service (the sector of a session's audience, of an
 * attendee, of a council feed's record, of the referrer of a Channel referral), from configuration, like
 * {@link Areas}. The default is the Home Office's sectors of referral, Prisons and Probation apart, with the sectors
 * training reaches beside them (see README, "Decisions").
 */
@ApplicationScoped
public class Sectors {

    /** The longest code: the columns holding them are varchar(40). */
    public static final int MAX_CODE_LENGTH = 40;

    private final Map<String, String> byCode;

    public Sectors(ReferenceDataConfig config) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String entry : config.sectors()) {
            int equals = entry.indexOf('=');
            String code = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            if (!code.matches("[A-Z][A-Z0-9_]*") || code.length() > MAX_CODE_LENGTH) {
                throw new IllegalArgumentException("Sector code '" + code + "' must be at most " + MAX_CODE_LENGTH
                        + " upper case letters, digits and underscores");
            }
            codes.put(code, equals < 0 ? code : entry.substring(equals + 1).trim());
        }
        this.byCode = Collections.unmodifiableMap(codes);
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Rejects an unknown sector code as a 400 on the given field. */
    public String require(String field, String code) {
        if (!isKnown(code)) {
            throw ProblemException.invalidField(field, unknown());
        }
        return code;
    }

    /** What a violation says of an unknown code: the codes this deployment knows. */
    public String unknown() {
        return "unknown sector; known sectors: " + String.join(", ", byCode.keySet());
    }

    /** Code to name, in the configured order. */
    public Map<String, String> all() {
        return byCode;
    }
}
