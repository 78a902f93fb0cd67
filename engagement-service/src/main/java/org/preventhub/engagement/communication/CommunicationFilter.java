package org.preventhub.engagement.communication;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.contracts.Priority;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public class CommunicationFilter {

    @QueryParam("channel")
    @Parameter(description = "NEWSLETTER, SCHOOLS_NEWSLETTER, BULLETIN, SOCIAL_POST, WEB_UPDATE or PRESS_RESPONSE.",
            example = "NEWSLETTER")
    public String channel;

    @QueryParam("priority")
    public Priority priority;

    @QueryParam("audience")
    @Parameter(description = "COMMUNITY, FAITH, BUSINESS, EDUCATION, VOLUNTARY_SECTOR or PROFESSIONALS.")
    public String audience;

    @QueryParam("incidentResponse")
    @Parameter(description = "Only those that responded (true) or did not respond (false) to an incident.")
    public Boolean incidentResponse;

    @QueryParam("partner")
    @Parameter(description = "An organisation it was issued with, in any role.",
            example = "3f1c9a7e-2b4d-4c8e-9a51-6d0e8b7f2a10")
    public UUID partner;

    @QueryParam("from")
    @Parameter(description = "Published on or after this day.", example = "2019-09-01")
    @PlausibleDate(Kind.FILTER)
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Published on or before this day.", example = "2020-08-31")
    @PlausibleDate(Kind.FILTER)
    public LocalDate to;
}
