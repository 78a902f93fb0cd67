package org.preventhub.platform.reminder;

import java.time.LocalDate;
import java.util.Set;

/**
 * Something a member of staff must do, as a service's {@link StaffReminderSource} finds it. It says what and where,
 * never who it is about: {@code reference} is the record's own reference (a referral's, a document's), {@code path}
 * its page on the web frontend. It is for the users named in {@code userIds} (e.g. the case officer) and for
 * everyone holding one of {@code roles}.
 *
 * @param kind a stable code (REVIEW_6_MONTHS, STALLED, ...): with subject and due day, what makes it one reminder
 * @param what the words shown, e.g. "6-month review due"
 */
public record DueReminder(String kind, String subjectId, String reference, String what, LocalDate dueOn,
        String path, Set<String> userIds, Set<String> roles) {

    boolean isFor(String userId, Set<String> userRoles) {
        return userIds.contains(userId) || roles.stream().anyMatch(userRoles::contains);
    }

    String key() {
        return kind + "|" + subjectId + "|" + dueOn;
    }
}
