package org.preventhub.referral.panel;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;

/** A panel member's meetings in their own calendar program, by a secret URL they make, replace and revoke. */
@Tag(name = "Channel panels")
@Path("/panels/me/calendar-url")
public class PanelCalendarResource {

    private final PanelCalendar calendar;
    private final IdempotentRequests idempotency;

    public PanelCalendarResource(PanelCalendar calendar, IdempotentRequests idempotency) {
        this.calendar = calendar;
        this.idempotency = idempotency;
    }

    @Schema(description = "A panel member's calendar feed URL, shown only when it is made: keep it like a password.")
    public record FeedUrl(@Schema(maxLength = 2000, example = "http://localhost:8080/api/referrals/calendar-feeds/"
            + "q3Vh1xYcTj2cW0m9aQ7sZgq3Vh1xYcTj2cW0m9aQ7sZ") String url, Instant createdAt) {
    }

    @Schema(description = "Whether the caller has a calendar feed, and since when (its URL is shown only when made).")
    public record FeedState(Instant createdAt) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Make (or replace) my panel calendar feed URL",
            description = "A secret URL listing the Channel panel meetings the caller is a member of (or chairs), as "
                    + "iCalendar, for a calendar program to subscribe to (it needs no token). The feed names no "
                    + "referral and no person: each meeting's day and a link to it only. Shown once: the service keeps "
                    + "only a keyed hash of the secret. Making a new one replaces the old, which stops working at once.")
    @APIResponse(responseCode = "201", description = "The new URL.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedUrl.class), examples = @ExampleObject(name = "made", value =
            "{\"url\": \"http://localhost:8080/api/referrals/calendar-feeds/q3Vh1xYcTj2cW0m9aQ7sZgq3Vh1xYcTj2cW0m9aQ7sZ\", "
                    + "\"createdAt\": \"2026-12-07T09:00:00Z\"}")))
    public Response issue(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        return idempotency.execute(key, "POST /panels/me/calendar-url", null, () -> {
            PanelCalendar.Issued issued = calendar.issue();
            return Response.created(URI.create("/panels/me/calendar-url"))
                    .entity(new FeedUrl(issued.url(), issued.createdAt())).build();
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Whether I have a panel calendar feed",
            description = "When the caller's current feed URL was made; 404 if they have none. The URL itself is shown "
                    + "only when made: to see it again, make a new one.")
    @APIResponse(responseCode = "200", description = "The caller has a feed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedState.class), examples = @ExampleObject(name = "active",
            value = "{\"createdAt\": \"2026-12-07T09:00:00Z\"}")))
    @APIResponse(responseCode = "404", description = "The caller has no calendar feed.")
    public FeedState current() {
        return calendar.current().map(FeedState::new).orElseThrow(() -> ProblemException.notFound("Calendar feed"));
    }

    @DELETE
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.CHANNEL_PANEL })
    @Operation(summary = "Revoke my panel calendar feed URL",
            description = "The URL stops working at once; calendar programs subscribed to it get 404.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "The caller has no calendar feed.")
    public Response revoke() {
        if (!calendar.revoke()) {
            throw ProblemException.notFound("Calendar feed");
        }
        return Response.noContent().build();
    }
}
