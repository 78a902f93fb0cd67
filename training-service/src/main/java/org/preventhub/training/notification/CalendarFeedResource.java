package org.preventhub.training.notification;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.calendar.CalendarFeedSecrets;
import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;

/** A trainer's sessions in their own calendar program, by a secret URL they make, replace and revoke. */
@Tag(name = "Calendar feeds")
@Path("/")
public class CalendarFeedResource {

    static final String TEXT_CALENDAR = "text/calendar";
    private static final String SECRET = CalendarFeedSecrets.SECRET_PATTERN;
    private static final String FEED_EXAMPLE = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Prevent Hub//training-service//EN\r\n"
            + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:Prevent training: trainer-wcc\r\nBEGIN:VEVENT\r\n"
            + "UID:session-3f1c2a9e-7b4d-4c1e-9a51-2d6f0e8b7c10@prevent-hub.local\r\nSEQUENCE:0\r\n"
            + "DTSTAMP:20261207T090000Z\r\nDTSTART:20261215T093000Z\r\nDTEND:20261215T110000Z\r\n"
            + "SUMMARY:Workshop to Raise Awareness of Prevent (WRAP)\r\nLOCATION:Shire Hall\\, Warwick\r\n"
            + "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private final CalendarFeeds feeds;
    private final IdempotentRequests idempotency;

    public CalendarFeedResource(CalendarFeeds feeds, IdempotentRequests idempotency) {
        this.feeds = feeds;
        this.idempotency = idempotency;
    }

    @Schema(description = "A trainer's calendar feed URL, shown only when it is made: keep it like a password.")
    public record FeedUrl(@Schema(maxLength = 2000, example = "http://localhost:8080/api/training/calendar-feeds/"
            + "q3Vh1xYcTj2cW0m9aQ7sZgq3Vh1xYcTj2cW0m9aQ7sZ") String url, Instant createdAt) {
    }

    @Schema(description = "Whether the caller has a calendar feed, and since when (its URL is shown only when made).")
    public record FeedState(Instant createdAt) {
    }

    @POST
    @Path("trainers/me/calendar-url")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Make (or replace) my calendar feed URL",
            description = "A secret URL listing the sessions the caller scheduled or is named trainer of, as iCalendar, "
                    + "for a calendar program to subscribe to (it needs no token). Shown once: the service keeps only "
                    + "a keyed hash of the secret. Making a new one replaces the old, which stops working at once.")
    @APIResponse(responseCode = "201", description = "The new URL.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedUrl.class), examples = @ExampleObject(name = "made", value =
            "{\"url\": \"http://localhost:8080/api/training/calendar-feeds/q3Vh1xYcTj2cW0m9aQ7sZgq3Vh1xYcTj2cW0m9aQ7sZ\", "
                    + "\"createdAt\": \"2026-12-07T09:00:00Z\"}")))
    public Response issue(@HeaderParam(IdempotentRequests.HEADER) @Parameter(description = IdempotentRequests.DOC) String key) {
        return idempotency.execute(key, "POST /trainers/me/calendar-url", null, () -> {
            CalendarFeeds.Issued issued = feeds.issue();
            return Response.created(URI.create("/trainers/me/calendar-url"))
                    .entity(new FeedUrl(issued.url(), issued.createdAt())).build();
        });
    }

    @GET
    @Path("trainers/me/calendar-url")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Whether I have a calendar feed",
            description = "When the caller's current feed URL was made; 404 if they have none. The URL itself is shown "
                    + "only when made: to see it again, make a new one.")
    @APIResponse(responseCode = "200", description = "The caller has a feed.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedState.class), examples = @ExampleObject(name = "active",
            value = "{\"createdAt\": \"2026-12-07T09:00:00Z\"}")))
    @APIResponse(responseCode = "404", description = "The caller has no calendar feed.")
    public FeedState current() {
        return feeds.current().map(FeedState::new).orElseThrow(() -> ProblemException.notFound("Calendar feed"));
    }

    @DELETE
    @Path("trainers/me/calendar-url")
    @RolesAllowed({ Roles.TRAINER, Roles.PREVENT_LEAD })
    @Operation(summary = "Revoke my calendar feed URL",
            description = "The URL stops working at once; calendar programs subscribed to it get 404.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", description = "The caller has no calendar feed.")
    public Response revoke() {
        if (!feeds.revoke()) {
            throw ProblemException.notFound("Calendar feed");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("calendar-feeds/{secret}")
    @Produces(TEXT_CALENDAR)
    @PermitAll
    // Not in the API description: a secret URL handed to calendar programs, which send no token (the gateway lets
    // exactly this shape through, FrontDoor). The API's rules (a bearer token, no credentials in URLs) stay whole.
    @Operation(hidden = true, summary = "A trainer's calendar feed",
            description = "iCalendar (RFC 5545) of the sessions of the trainer who made this URL, from 90 days back; "
                    + "cancelled ones marked so. No token: the secret in the path is the key. 404 once it is replaced "
                    + "or revoked.")
    @APIResponse(responseCode = "200", description = "The feed.", content = @Content(mediaType = TEXT_CALENDAR,
            schema = @Schema(type = SchemaType.STRING, maxLength = 2_000_000),
            examples = @ExampleObject(name = "feed", value = FEED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No feed has this secret (never made, replaced or revoked).")
    public Response feed(@PathParam("secret") @Pattern(regexp = SECRET) @Parameter(description = "The feed's secret.",
            schema = @Schema(type = SchemaType.STRING, pattern = SECRET, minLength = 43, maxLength = 43)) String secret) {
        return Response.ok(feeds.feed(secret).orElseThrow(() -> ProblemException.notFound("Calendar feed")),
                TEXT_CALENDAR + "; charset=utf-8").header("Cache-Control", "private, max-age=300").build();
    }
}
