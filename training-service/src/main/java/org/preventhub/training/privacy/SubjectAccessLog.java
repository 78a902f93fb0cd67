package org.preventhub.training.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

/**
 * The audit of subject access: every export and erasure of a trainee's data (who, when, why, how many records) and
 * every retention run. Append-only (a trigger refuses changes). The person is recorded only as the keyed hashes of
 * their e-mail address and name: no identity stays here once it is erased elsewhere.
 */
@ApplicationScoped
public class SubjectAccessLog {

    public static final String PURPOSE_HEADER = "X-Access-Purpose";
    static final int PURPOSE_MAX = 200;

    public enum Action {
        EXPORT, ERASE, RETENTION
    }

    @Schema(name = "TraineeSubjectAccessLogEntry", description = "What was done with whose data, by whom, when and why. No personal data of the trainee.")
    public record Entry(UUID id, Action action, @Schema(maxLength = 200) String requestedBy, Instant requestedAt,
            @Schema(maxLength = 200) String purpose, int bookings, int attendance, int evaluations, int completions) {
    }

    /** How many records an export or an erasure covered. */
    public record Counts(int bookings, int attendance, int evaluations, int completions) {
    }

    private final EntityManager em;
    private final CurrentUser user;

    public SubjectAccessLog(EntityManager em, CurrentUser user) {
        this.em = em;
        this.user = user;
    }

    /** The purpose of a request, required: a short phrase, never personal data. */
    public static String requirePurpose(String purpose) {
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

    void record(Action action, String purpose, String emailIndex, String nameIndex, Counts counts) {
        record(action, action == Action.RETENTION ? "retention" : user.id(), purpose, emailIndex, nameIndex, counts);
    }

    private void record(Action action, String by, String purpose, String emailIndex, String nameIndex, Counts counts) {
        em.createNativeQuery("""
                INSERT INTO subject_access_log (id, action, requested_by, requested_at, purpose, email_index, name_index,
                                                bookings, attendance, evaluations, completions)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, action.name()).setParameter(3, by)
                .setParameter(4, Instant.now()).setParameter(5, purpose).setParameter(6, emailIndex)
                .setParameter(7, nameIndex).setParameter(8, counts.bookings()).setParameter(9, counts.attendance())
                .setParameter(10, counts.evaluations()).setParameter(11, counts.completions()).executeUpdate();
    }

    /** The earlier requests about the person with this e-mail address (by its keyed hash). */
    List<Entry> about(String emailIndex) {
        return entries("WHERE email_index = ?1 ORDER BY requested_at, id", emailIndex, 0, 1000);
    }

    Page<Entry> page(PageParams page) {
        List<Entry> items = entries("ORDER BY requested_at DESC, id", null, page.page * page.size, page.size);
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM subject_access_log").getSingleResult()).longValue();
        return Page.of(items, page, total);
    }

    private List<Entry> entries(String where, String emailIndex, int offset, int limit) {
        var query = em.createNativeQuery("""
                SELECT id, action, requested_by, requested_at, purpose, bookings, attendance, evaluations, completions
                FROM subject_access_log""" + " " + where + " OFFSET "
                + offset + " LIMIT " + limit);
        if (emailIndex != null) {
            query.setParameter(1, emailIndex);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Entry((UUID) r[0], Action.valueOf((String) r[1]), (String) r[2],
                toInstant(r[3]), (String) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), ((Number) r[8]).intValue())).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
