package org.preventhub.engagement.reminder;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.engagement.contact.ContactCryptoConfig;
import org.preventhub.platform.crypto.FieldCipher;
import org.preventhub.platform.reminder.DueReminder;
import org.preventhub.platform.reminder.StaffReminderSource;
import org.preventhub.platform.security.Roles;

/**
 * A document of the register in force and past its review date, for the Prevent lead and the engagement officers
 * who asked (a document is owned by a partner organisation, not by a user of the suite). Named by its title, which
 * is the partnership's, never a person's.
 */
@ApplicationScoped
public class DocumentReminders implements StaffReminderSource {

    private static final Set<String> ROLES = Set.of(Roles.PREVENT_LEAD, Roles.ENGAGEMENT_OFFICER);
    private static final int REFERENCE = 40;

    private final EntityManager em;
    private final FieldCipher cipher;

    public DocumentReminders(EntityManager em, ContactCryptoConfig crypto) {
        this.em = em;
        this.cipher = new FieldCipher(crypto.keys(), crypto.activeKeyId());
    }

    @Override
    public FieldCipher cipher() {
        return cipher;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public List<DueReminder> due(LocalDate today) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, title, next_review_due FROM governance_document
                WHERE next_review_due <= ?1 AND status NOT IN ('SUPERSEDED', 'WITHDRAWN')""")
                .setParameter(1, Date.valueOf(today)).getResultList();
        return rows.stream().map(r -> {
            UUID id = (UUID) r[0];
            String title = (String) r[1];
            String reference = title.length() <= REFERENCE ? title : title.substring(0, REFERENCE - 1) + "…";
            return new DueReminder("DOCUMENT_REVIEW", id.toString(), reference, "Document past its review date",
                    r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2], "/documents/" + id, Set.of(), ROLES);
        }).toList();
    }
}
