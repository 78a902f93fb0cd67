package org.preventhub.training.config;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ConstraintProblems;
import org.preventhub.platform.problem.ProblemException;

/** What this service's database constraints mean to a caller, when a request trips one. */
@ApplicationScoped
public class TrainingConstraints implements ConstraintProblems {

    private static final Map<String, ProblemException> KNOWN = Map.of(
            "course_code_key", ProblemException.conflict("duplicate-course-code", "A course with this code already exists."),
            "booking_one_live_per_email", ProblemException.conflict("already-booked",
                    "This email already holds a booking (or a place on the waiting list) for this session."),
            "evaluation_attendance_key", ProblemException.conflict("already-evaluated",
                    "This attendance has been evaluated already."),
            "training_session_within_capacity", ProblemException.conflict("session-full",
                    "The session has no seat left."));

    @Override
    public Optional<ProblemException> forConstraint(String constraintName) {
        return Optional.ofNullable(KNOWN.get(constraintName));
    }
}
