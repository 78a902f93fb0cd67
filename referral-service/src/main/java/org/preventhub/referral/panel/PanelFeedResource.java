package org.preventhub.referral.panel;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.calendar.CalendarFeedSecrets;
import org.preventhub.platform.problem.ProblemException;

/** The panel calendar feed itself, for calendar programs, which send no token. */
@Path("/calendar-feeds")
public class PanelFeedResource {

    static final String TEXT_CALENDAR = "text/calendar";
    private static final String SECRET = CalendarFeedSecrets.SECRET_PATTERN;

    private final PanelCalendar calendar;

    public PanelFeedResource(PanelCalendar calendar) {
        this.calendar = calendar;
    }

    @GET
    @Path("{secret}")
    @Produces(TEXT_CALENDAR)
    @PermitAll
    // Not in the API description: a secret URL handed to calendar programs, which send no token (the gateway lets
    // exactly this shape through, FrontDoor). The API's rules (a bearer token, no credentials in URLs) stay whole.
    @Operation(hidden = true, summary = "A panel member's calendar feed",
            description = "iCalendar (RFC 5545) of the panels the member who made this URL sits on, from 90 days back: "
                    + "day, title and link only. 404 once it is replaced or revoked.")
    public Response feed(@PathParam("secret") @Pattern(regexp = SECRET) @Parameter(description = "The feed's secret.",
            schema = @Schema(type = SchemaType.STRING, pattern = SECRET, minLength = 43, maxLength = 43)) String secret) {
        return Response.ok(calendar.feed(secret).orElseThrow(() -> ProblemException.notFound("Calendar feed")),
                TEXT_CALENDAR + "; charset=utf-8").header("Cache-Control", "private, max-age=300").build();
    }
}
