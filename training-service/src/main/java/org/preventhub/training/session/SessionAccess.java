package org.preventhub.training.session;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.security.Roles;

/**
 * Who acts on a session and sees its people (names and e-mail addresses of its bookings, its waiting list, register
 * and evaluations): the Prevent lead, for every session, and the trainers of the agency that runs it. Trainers of
 * other agencies see the session itself (it is public) but not who is on it: the partnership's training is shared,
 * its attendees' details are not (data minimisation). See README, "Decisions".
 */
@ApplicationScoped
public class SessionAccess {

    private final CurrentUser user;

    public SessionAccess(CurrentUser user) {
        this.user = user;
    }

    public boolean isRunByCaller(TrainingSession session) {
        return user.hasRole(Roles.PREVENT_LEAD) || trainersAgency().filter(agency -> agency.equals(session.runBy)).isPresent();
    }

    public void requireRunByCaller(TrainingSession session) {
        if (!isRunByCaller(session)) {
            throw ProblemException.forbidden("Another agency runs this session: its trainers and the Prevent lead "
                    + "act on it and see its people.");
        }
    }

    /**
     * The agency whose sessions' people the caller may see, or empty when the caller sees every session's
     * (the Prevent lead); a trainer without an agency sees none.
     */
    public Optional<String> limitedToAgency() {
        return user.hasRole(Roles.PREVENT_LEAD) ? Optional.empty() : Optional.of(trainersAgency().orElse(""));
    }

    private Optional<String> trainersAgency() {
        return user.hasRole(Roles.TRAINER) ? user.agency() : Optional.empty();
    }
}
