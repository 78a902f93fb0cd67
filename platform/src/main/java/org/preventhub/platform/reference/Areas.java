package org.preventhub.platform.reference;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;

/** The deployment's areas (districts and boroughs), from configuration. */
@ApplicationScoped
public class Areas {

    private final Map<String, String> byCode;

    public Areas(ReferenceDataConfig config) {
        this.byCode = new TreeMap<>();
        for (String entry : config.areas()) {
            int equals = entry.indexOf('=');
            String code = (equals < 0 ? entry : entry.substring(0, equals)).trim();
            if (!code.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("Area code '" + code + "' must be lower case letters, digits and dashes");
            }
            byCode.put(code, equals < 0 ? code : entry.substring(equals + 1).trim());
        }
    }

    public boolean isKnown(String code) {
        return code != null && byCode.containsKey(code);
    }

    /** Rejects an unknown area code as a 400 on the given field. */
    public String require(String field, String code) {
        if (!isKnown(code)) {
            throw ProblemException.invalidField(field, "unknown area; known areas: " + String.join(", ", byCode.keySet()));
        }
        return code;
    }

    public Map<String, String> all() {
        return byCode;
    }
}
