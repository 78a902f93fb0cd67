package org.preventhub.engagement.reminder;

import jakarta.ws.rs.Path;

import org.preventhub.platform.reminder.ReminderPreferenceResource;

/** Staff choose how they hear of documents past their review date (hub.reminders.roles). */
@Path("/me/reminder-preferences")
public class EngagementReminderPreferenceResource extends ReminderPreferenceResource {
}
