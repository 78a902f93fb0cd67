package org.preventhub.platform.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code type} is a URN naming the kind of problem (documented in the README),
 * {@code instance} the request path, {@code requestId} the id to quote when asking for help.
 * {@code extensions} carry problem-specific members, such as the allowed next steps of a state machine.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<Violation> violations,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:prevent-hub:problem:";
    /** The longest {@code title} and {@code detail}, and the most violations listed: what the document promises. */
    public static final int MAX_TITLE = 200;
    public static final int MAX_DETAIL = 2000;
    public static final int MAX_VIOLATIONS = 100;

    public Problem {
        title = Violation.cut(title, MAX_TITLE);
        detail = Violation.cut(detail, MAX_DETAIL);
        if (violations != null && violations.size() > MAX_VIOLATIONS) {
            violations = List.copyOf(violations.subList(0, MAX_VIOLATIONS));
        }
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }
}
