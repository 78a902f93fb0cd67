package org.preventhub.reporting.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.reminder.DueReminder;
import org.preventhub.platform.reminder.StaffReminderSource;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.action.RecommendedAction;

/**
 * A recommended action of the action plan past its due date and still open (not started or in progress), for the
 * Prevent lead, the only role that changes the plan (ActionResource). An action is owned by a partner organisation,
 * not by a user of the suite. Named by its title, which is the partnership's, never a person's; its description,
 * owner and progress notes stay out of the message.
 */
@ApplicationScoped
public class ActionReminders implements StaffReminderSource {

    private static final Set<String> ROLES = Set.of(Roles.PREVENT_LEAD);
    private static final int REFERENCE = 40;

    private final EntityManager em;
    private final FieldCipher cipher;

    public ActionReminders(EntityManager em, ReminderCryptoConfig crypto) {
        this.em = em;
        this.cipher = new FieldCipher(crypto.keys(), crypto.activeKeyId());
    }

    @Override
    public FieldCipher cipher() {
        return cipher;
    }

    @Override
    @Transactional
    public List<DueReminder> due(LocalDate today) {
        List<RecommendedAction> actions = em.createQuery("""
                FROM RecommendedAction WHERE dueOn < :today AND status NOT IN ('COMPLETED', 'DEFERRED')""",
                RecommendedAction.class).setParameter("today", today).getResultList();
        return actions.stream().map(a -> {
            String reference = a.title.length() <= REFERENCE ? a.title : a.title.substring(0, REFERENCE - 1) + "…";
            return new DueReminder("ACTION_OVERDUE", a.id.toString(), reference, "Action plan item past its due date",
                    a.dueOn, "/actions/" + a.id, Set.of(), ROLES);
        }).toList();
    }
}
