package org.preventhub.training.feed;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;

/** One line of a completions file once checked, codes mapped to ours. */
record Completion(String recordId, String person, String email, String organisation, String sector, UUID courseId,
        String courseCode, LocalDate completedOn, DeliveryMode mode, boolean elearning, String area, boolean completed) {

    /** Whether the stored record already says all this (the council's id and source aside). */
    boolean sameAs(Completion held) {
        return person.equals(held.person) && Objects.equals(email, held.email)
                && Objects.equals(organisation, held.organisation) && sector.equals(held.sector)
                && courseId.equals(held.courseId) && completedOn.equals(held.completedOn) && mode == held.mode
                && elearning == held.elearning && Objects.equals(area, held.area) && completed == held.completed;
    }
}
