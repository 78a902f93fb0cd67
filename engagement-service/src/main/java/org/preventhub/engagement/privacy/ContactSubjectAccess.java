package org.preventhub.engagement.privacy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.contact.Contacts;
import org.preventhub.engagement.organisation.Organisation;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationView;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/**
 * A contact's subject access request, for the Prevent lead to answer: the partner organisations whose contact they
 * are, exported, or their contact details erased on request (the organisation stays). Found by e-mail address (its
 * keyed hash) and, with a name, the organisations whose contact has that name and no e-mail address. Every request
 * is logged: who, when, why, how many organisations; the person only as keyed hashes.
 */
@ApplicationScoped
public class ContactSubjectAccess {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    static final int PURPOSE_MAX = 200;

    @Schema(name = "ContactSubjectAccessLogEntry", description = "A subject access request about a contact: what was done, by whom, when, why. Names nobody.")
    public record Entry(UUID id, @Schema(maxLength = 20, example = "ERASE") String action,
            @Schema(maxLength = 200) String requestedBy, Instant requestedAt, @Schema(maxLength = 200) String purpose,
            int organisations) {
    }

    @Schema(name = "ContactErasure", description = "What an erasure erased.")
    public record Erasure(@Schema(description = "Organisations whose contact details were erased.") int organisations) {
    }

    private final EntityManager em;
    private final Contacts contacts;
    private final CurrentUser user;

    public ContactSubjectAccess(EntityManager em, Contacts contacts, CurrentUser user) {
        this.em = em;
        this.contacts = contacts;
        this.user = user;
    }

    @Transactional
    public Map<String, Object> export(String email, String name, String purpose) {
        String why = requirePurpose(purpose);
        List<Organisation> found = find(email, name);
        List<Entry> earlier = entries("WHERE email_index = ?1 ORDER BY requested_at, id", contacts.emailIndex(email), 0, 1000);
        log("EXPORT", why, email, name, found.size());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("email", email);
        export.put("name", name);
        export.put("organisations", found.stream().map(o -> OrganisationView.of(o, o.contact(contacts))).toList());
        export.put("earlierRequests", earlier);
        return export;
    }

    @Transactional
    public Erasure erase(String email, String name, String purpose) {
        String why = requirePurpose(purpose);
        List<Organisation> found = find(email, name);
        Instant now = Instant.now();
        found.forEach(organisation -> organisation.eraseContact(now));
        log("ERASE", why, email, name, found.size());
        return new Erasure(found.size());
    }

    @Transactional
    public Page<Entry> log(PageParams page) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM subject_access_log").getSingleResult()).longValue();
        return Page.of(entries("ORDER BY requested_at DESC, id", null, page.page * page.size, page.size), page, total);
    }

    private List<Organisation> find(String email, String name) {
        String nameIndex = contacts.nameIndex(name);
        return em.createQuery("""
                from Organisation o where o.contactEmailIndex = :email
                   or (o.contactEmailIndex is null and o.contactNameIndex = :name) order by o.name""", Organisation.class)
                .setParameter("email", contacts.emailIndex(email)).setParameter("name", nameIndex == null ? "-" : nameIndex)
                .getResultList();
    }

    private void log(String action, String purpose, String email, String name, int organisations) {
        em.createNativeQuery("""
                INSERT INTO subject_access_log (id, action, requested_by, requested_at, purpose, email_index, name_index,
                                                organisations)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, action).setParameter(3, user.id())
                .setParameter(4, Instant.now()).setParameter(5, purpose).setParameter(6, contacts.emailIndex(email))
                .setParameter(7, contacts.nameIndex(name)).setParameter(8, organisations).executeUpdate();
    }

    private List<Entry> entries(String where, String emailIndex, int offset, int limit) {
        var query = em.createNativeQuery("SELECT id, action, requested_by, requested_at, purpose, organisations "
                + "FROM subject_access_log " + where + " OFFSET " + offset + " LIMIT " + limit);
        if (emailIndex != null) {
            query.setParameter(1, emailIndex);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], (String) r[1], (String) r[2], instant(r[3]), (String) r[4],
                ((Number) r[5]).intValue())).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    static String requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw ProblemException.badRequest("Subject access needs a purpose.", new Violation(PURPOSE_HEADER,
                    "say why, e.g. 'Subject access request of 3 March (ref SAR-2026-014)'"));
        }
        String stripped = purpose.strip();
        if (stripped.length() > PURPOSE_MAX || stripped.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField(PURPOSE_HEADER, "at most " + PURPOSE_MAX
                    + " characters, no control characters, and no personal data");
        }
        return stripped;
    }
}
