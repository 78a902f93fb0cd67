package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

/**
 * A community engagement event as reporting needs it: no contact details.
 *
 * @param type the deployment's event type code, e.g. PUBLIC_MEETING, WORKSHOP, SCHOOL_PROJECT
 * @param status PLANNED, HELD, POSTPONED or CANCELLED
 * @param dates every day the event runs (a nine-day project has nine)
 * @param audience COMMUNITY, FAITH, BUSINESS, EDUCATION, VOLUNTARY_SECTOR or PROFESSIONALS
 * @param attendance people counted, once held (null while unknown)
 * @param partnerTypes the types of the partner organisations (organiser, partner or funder), e.g. FAITH_GROUP
 */
public record CommunityEventSnapshot(
        UUID eventId,
        String title,
        String type,
        String status,
        List<LocalDate> dates,
        DeliveryMode mode,
        String area,
        Priority priority,
        String audience,
        Integer plannedAttendance,
        Integer attendance,
        String attendanceCountedBy,
        List<String> partnerTypes,
        String source) {
}
