package org.preventhub.reporting.reminder;

import jakarta.ws.rs.Path;

import org.preventhub.platform.reminder.ReminderPreferenceResource;

/** Staff choose how they hear of action-plan items past their due date (hub.reminders.roles). */
@Path("/me/reminder-preferences")
public class ReportingReminderPreferenceResource extends ReminderPreferenceResource {
}
