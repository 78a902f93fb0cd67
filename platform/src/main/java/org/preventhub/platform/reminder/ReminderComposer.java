package org.preventhub.platform.reminder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.notification.Dispatcher;
import org.preventhub.platform.notification.Dispatcher.Composed;

import io.quarkus.mailer.Mail;

/**
 * Makes a claimed reminder e-mail from what it carries: each item's words, reference, due day and link, and why the
 * message was sent. Nothing else: the sources put no name or other personal detail in a reminder, and this adds
 * none (not even the recipient's own name). The address is decrypted only here, for the SMTP server.
 */
@ApplicationScoped
public class ReminderComposer implements Dispatcher.Composer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final EntityManager em;
    private final Instance<StaffReminderSource> source;
    private final ReminderConfig config;

    public ReminderComposer(EntityManager em, Instance<StaffReminderSource> source, ReminderConfig config) {
        this.em = em;
        this.source = source;
        this.config = config;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Composed compose(UUID messageId) {
        Object[] message = (Object[]) em.createNativeQuery("""
                SELECT n.recipient_id, n.digest, r.email_enc, r.delivery FROM staff_notification n
                LEFT JOIN reminder_recipient r ON r.user_id = n.recipient_id WHERE n.id = ?1""")
                .setParameter(1, messageId).getSingleResult();
        String userId = (String) message[0];
        boolean digest = (Boolean) message[1];
        if (message[2] == null || Delivery.OFF.name().equals(message[3])) {
            return Composed.skip("declined by the person (reminders off)");
        }
        List<Object[]> items = em.createNativeQuery("""
                SELECT what, reference, due_on, path FROM staff_reminder WHERE notification_id = ?1
                ORDER BY due_on, reference""").setParameter(1, messageId).getResultList();
        if (items.isEmpty()) {
            return Composed.skip("nothing left to remind of");
        }
        String email = source.get().cipher().decrypt((String) message[2], ReminderPreferences.context(userId));
        StringBuilder text = new StringBuilder(digest ? "Your work reminders for today:\n\n" : "Now due:\n\n");
        for (Object[] item : items) {
            LocalDate due = StaffReminders.day(item[2]);
            text.append("- ").append(item[0]).append(": ").append(item[1]).append(", due ").append(DAY.format(due))
                    .append("\n  ").append(config.linkBase()).append(item[3]).append("\n");
        }
        // Short lines: the text travels as written, not re-wrapped by the encoding.
        text.append("\n--\nWhy you received this: you asked ").append(config.senderName())
                .append(" for work reminders\n")
                .append(digest ? "as a daily digest" : "as soon as something falls due")
                .append(", for the records your roles and assignments make yours.\n")
                .append("Reminders carry a reference and a link, never a name: open the link to see the record.\n")
                .append("Change or stop them: ").append(config.linkBase()).append("/settings/reminders\n");
        String subject = digest ? "Work reminders: " + items.size() + (items.size() == 1 ? " item due" : " items due")
                : "Due: " + items.get(0)[0] + " (" + items.get(0)[1] + ")" + (items.size() > 1
                        ? " and " + (items.size() - 1) + " more" : "");
        Mail mail = Mail.withText(email, subject, text.toString())
                .addHeader("Message-ID", "<" + messageId + "@" + config.messageIdDomain() + ">");
        return Composed.send(mail);
    }
}
