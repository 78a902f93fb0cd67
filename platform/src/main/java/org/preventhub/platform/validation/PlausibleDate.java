package org.preventhub.platform.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A day that is plausible for what the field records, one window per kind of field, the same in every service (the
 * README's conventions list them). Outside it the request is 400 naming the field, never stored and never a 500
 * (Java reads years up to 999,999,999; PostgreSQL stores none past 5874897, and no report wants year 1). Applies to
 * {@link LocalDate}, {@link java.time.YearMonth} (its first day), {@link java.time.OffsetDateTime} and
 * {@link java.time.LocalDateTime} (their day); null is valid (say {@code @NotNull} where it is required).
 * "Today" is a day in the partnership's zone ({@code hub.reference.timezone}).
 */
@Documented
@Constraint(validatedBy = { PlausibleDateValidator.OfLocalDate.class, PlausibleDateValidator.OfYearMonth.class,
        PlausibleDateValidator.OfOffsetDateTime.class, PlausibleDateValidator.OfLocalDateTime.class })
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface PlausibleDate {

    Kind value();

    String message() default "must be a plausible day for this field";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] defaultPayload() default {};

    Class<? extends Payload>[] payload() default {};

    /** What the day records, and so the window it must fall in. */
    enum Kind {
        /** A date of birth: from 1 January 1900 to today. */
        BIRTH(LocalDate.of(1900, 1, 1), 0),
        /** Something that has happened (a referral received, a step taken, a newsletter sent): 1 January 1990 to today. */
        PAST(LocalDate.of(1990, 1, 1), 0),
        /**
         * A day in the partnership's record, past or planned (a session, an event, a panel, an action's due date):
         * 1 January 1990 to ten years from today.
         */
        RECORD(LocalDate.of(1990, 1, 1), 10),
        /** A bound of a search or period (from, to, as of): any day from 1 January 1900 to 31 December 9999. */
        FILTER(LocalDate.of(1900, 1, 1), -1);

        private final LocalDate earliest;
        private final int yearsAhead;

        Kind(LocalDate earliest, int yearsAhead) {
            this.earliest = earliest;
            this.yearsAhead = yearsAhead;
        }

        public LocalDate earliest() {
            return earliest;
        }

        /** The last day allowed, given today. */
        public LocalDate latest(LocalDate today) {
            return yearsAhead < 0 ? LocalDate.of(9999, 12, 31) : today.plusYears(yearsAhead);
        }
    }
}
