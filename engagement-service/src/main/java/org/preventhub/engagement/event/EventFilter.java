package org.preventhub.engagement.event;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public class EventFilter {

    @QueryParam("type")
    @Parameter(description = "A configured event type.", example = "PUBLIC_MEETING")
    public String type;

    @QueryParam("area")
    @Parameter(description = "An area code.", example = "rugby")
    public String area;

    @QueryParam("priority")
    public Priority priority;

    @QueryParam("status")
    public EventStatus status;

    @QueryParam("audience")
    @Parameter(description = "COMMUNITY, FAITH, BUSINESS, EDUCATION, VOLUNTARY_SECTOR or PROFESSIONALS.")
    public String audience;

    @QueryParam("mode")
    public DeliveryMode mode;

    @QueryParam("partner")
    @Parameter(description = "An organisation taking part in any role.")
    public UUID partner;

    @QueryParam("from")
    @Parameter(description = "Events running on or after this day.", example = "2019-09-01")
    @PlausibleDate(Kind.FILTER)
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Events running on or before this day.", example = "2020-08-31")
    @PlausibleDate(Kind.FILTER)
    public LocalDate to;
}
