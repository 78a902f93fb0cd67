package org.preventhub.referral.reminder;

import jakarta.ws.rs.Path;

import org.preventhub.platform.reminder.ReminderPreferenceResource;

/** Staff choose how they hear of Channel work falling due (hub.reminders.roles). */
@Path("/me/reminder-preferences")
public class ReferralReminderPreferenceResource extends ReminderPreferenceResource {
}
