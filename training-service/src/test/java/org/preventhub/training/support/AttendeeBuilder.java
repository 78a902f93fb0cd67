package org.preventhub.training.support;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.preventhub.training.booking.BookingRequest;

/** Test data: an attendee with a unique email. */
public final class AttendeeBuilder {

    private String name = "Sam Taylor";
    private String email = "sam." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private String organisation = "Rugby Borough Council";
    private String sector = "LOCAL_AUTHORITY";
    private OffsetDateTime bookedAt;
    private UUID organisationId;
    private String userId;

    public static AttendeeBuilder anAttendee() {
        return new AttendeeBuilder();
    }

    public AttendeeBuilder email(String email) {
        this.email = email;
        return this;
    }

    public AttendeeBuilder name(String name) {
        this.name = name;
        return this;
    }

    public AttendeeBuilder organisation(String organisation) {
        this.organisation = organisation;
        return this;
    }

    /** The partner organisation (engagement's register) the attendee works for. */
    public AttendeeBuilder organisationId(UUID organisationId) {
        this.organisationId = organisationId;
        return this;
    }

    public AttendeeBuilder sector(String sector) {
        this.sector = sector;
        return this;
    }

    /** Staff only: when the booking was made, for one recorded afterwards. */
    public AttendeeBuilder bookedAt(OffsetDateTime bookedAt) {
        this.bookedAt = bookedAt;
        return this;
    }

    /** Staff only: the attendee's user id, for a staff user (a governance member's required training). */
    public AttendeeBuilder userId(String userId) {
        this.userId = userId;
        return this;
    }

    public BookingRequest build() {
        return new BookingRequest(name, email, organisation, organisationId, sector, "Family support worker", bookedAt,
                userId);
    }
}
