package org.preventhub.training.session;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/** Filters of the session list; all optional, combined with AND. */
public class SessionFilter {

    @QueryParam("course")
    @Parameter(description = "Course id.")
    public UUID course;

    @QueryParam("courseCode")
    @Parameter(description = "Course code, e.g. WRAP.")
    public String courseCode;

    @QueryParam("area")
    @Parameter(description = "Area code.")
    public String area;

    @QueryParam("mode")
    public DeliveryMode mode;

    @QueryParam("status")
    public SessionStatus status;

    @QueryParam("access")
    public Access access;

    @QueryParam("minSeatsLeft")
    @Parameter(description = "Only scheduled sessions with at least this many seats left.", example = "1")
    @jakarta.validation.constraints.Min(0)
    public Integer minSeatsLeft;

    @QueryParam("from")
    @Parameter(description = "Sessions starting on or after this day (the partnership's time zone).", example = "2019-09-01")
    @PlausibleDate(Kind.FILTER)
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Sessions starting on or before this day.", example = "2020-08-31")
    @PlausibleDate(Kind.FILTER)
    public LocalDate to;
}
