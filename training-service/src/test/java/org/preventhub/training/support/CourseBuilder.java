package org.preventhub.training.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.training.course.CourseRequest;

/** Test data: a course with a unique code, offered in person and online unless told otherwise. */
public final class CourseBuilder {

    private String code = "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private String title = "Prevent Update";
    private Priority priority = Priority.AWARENESS_LEARNING;
    private Set<DeliveryMode> modes = EnumSet.allOf(DeliveryMode.class);
    private Boolean active = true;

    public static CourseBuilder aCourse() {
        return new CourseBuilder();
    }

    public CourseBuilder code(String code) {
        this.code = code;
        return this;
    }

    public CourseBuilder title(String title) {
        this.title = title;
        return this;
    }

    public CourseBuilder onlyInPerson() {
        this.modes = EnumSet.of(DeliveryMode.IN_PERSON);
        return this;
    }

    public CourseBuilder retired() {
        this.active = false;
        return this;
    }

    public CourseRequest build() {
        return new CourseRequest(code, title, "Local course on the Prevent duty.", priority,
                "Frontline staff of all sectors", 120, modes, active);
    }
}
