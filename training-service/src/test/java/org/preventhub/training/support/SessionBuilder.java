package org.preventhub.training.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.training.session.Access;
import org.preventhub.training.session.SessionRequest;

/** Test data: an open in-person session in Warwick next month, for 25 people. */
public final class SessionBuilder {

    private UUID courseId;
    private OffsetDateTime startsAt = OffsetDateTime.now(ZoneOffset.UTC).plusMonths(1).withHour(9).withMinute(30)
            .withSecond(0).withNano(0);
    private OffsetDateTime endsAt = startsAt.plusMinutes(90);
    private DeliveryMode mode = DeliveryMode.IN_PERSON;
    private String venue = "Shire Hall, Warwick";
    private String onlineLink;
    private String area = "warwick";
    private Integer capacity = 25;
    private String trainer = "Prevent Officer";
    private Access access = Access.OPEN;
    private String organisation;
    private String sector = "LOCAL_AUTHORITY";

    public static SessionBuilder aSession(UUID courseId) {
        SessionBuilder builder = new SessionBuilder();
        builder.courseId = courseId;
        return builder;
    }

    public SessionBuilder startingAt(OffsetDateTime startsAt) {
        long minutes = java.time.Duration.between(this.startsAt, this.endsAt).toMinutes();
        this.startsAt = startsAt;
        this.endsAt = startsAt.plusMinutes(minutes);
        return this;
    }

    public SessionBuilder endingAt(OffsetDateTime endsAt) {
        this.endsAt = endsAt;
        return this;
    }

    public SessionBuilder online() {
        this.mode = DeliveryMode.ONLINE;
        this.venue = null;
        this.onlineLink = "https://meet.example.org/prevent";
        return this;
    }

    public SessionBuilder area(String area) {
        this.area = area;
        return this;
    }

    public SessionBuilder capacity(Integer capacity) {
        this.capacity = capacity;
        return this;
    }

    public SessionBuilder bespokeFor(String organisation) {
        this.access = Access.BESPOKE;
        this.organisation = organisation;
        return this;
    }

    public SessionBuilder trainer(String trainer) {
        this.trainer = trainer;
        return this;
    }

    public SessionBuilder venue(String venue) {
        this.venue = venue;
        return this;
    }

    public SessionRequest build() {
        return new SessionRequest(courseId, startsAt, endsAt, mode, venue, onlineLink, area, capacity, trainer, access,
                organisation, sector);
    }
}
