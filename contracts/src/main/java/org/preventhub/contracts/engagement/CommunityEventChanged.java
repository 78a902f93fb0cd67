package org.preventhub.contracts.engagement;

/**
 * Payload of every {@code engagement.event.*.v1} event: the event after the change.
 *
 * @param previousAttendance for {@code attendance-corrected}, the figure it replaces; otherwise null
 */
public record CommunityEventChanged(CommunityEventSnapshot event, Integer previousAttendance) {
}
