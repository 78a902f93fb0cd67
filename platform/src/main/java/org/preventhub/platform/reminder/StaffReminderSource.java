package org.preventhub.platform.reminder;

import java.time.LocalDate;
import java.util.List;

import org.preventhub.platform.crypto.FieldCipher;

/**
 * What a service reminds its staff of. A service with reminders declares one such bean and
 * {@code @Path("/me/reminder-preferences") class XReminderPreferenceResource extends ReminderPreferenceResource {}}
 * with {@code hub.reminders.roles}; the platform keeps who asked, makes the digests and sends them.
 */
public interface StaffReminderSource {

    /** Everything due on {@code today} or soon (as the service defines it), without personal data. */
    List<DueReminder> due(LocalDate today);

    /** The service's field cipher: staff's addresses are encrypted with it. */
    FieldCipher cipher();
}
