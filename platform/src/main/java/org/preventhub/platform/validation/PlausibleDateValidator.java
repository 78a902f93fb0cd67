package org.preventhub.platform.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.eclipse.microprofile.config.ConfigProvider;

/** Checks {@link PlausibleDate}: the message names the window, never the value sent. */
public abstract class PlausibleDateValidator<T> implements ConstraintValidator<PlausibleDate, T> {

    private PlausibleDate.Kind kind;

    @Override
    public void initialize(PlausibleDate annotation) {
        kind = annotation.value();
    }

    abstract LocalDate day(T value);

    @Override
    public boolean isValid(T value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        LocalDate day = day(value);
        LocalDate latest = kind.latest(today());
        if (!day.isBefore(kind.earliest()) && !day.isAfter(latest)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be a day from " + kind.earliest() + " to " + latest
                + (kind == PlausibleDate.Kind.BIRTH || kind == PlausibleDate.Kind.PAST ? " (today)" : ""))
                .addConstraintViolation();
        return false;
    }

    /** Today in the partnership's zone. */
    public static LocalDate today() {
        ZoneId zone = ConfigProvider.getConfig().getOptionalValue("hub.reference.timezone", String.class)
                .map(ZoneId::of).orElse(ZoneId.of("Europe/London"));
        return LocalDate.now(zone);
    }

    public static final class OfLocalDate extends PlausibleDateValidator<LocalDate> {
        @Override
        LocalDate day(LocalDate value) {
            return value;
        }
    }

    public static final class OfYearMonth extends PlausibleDateValidator<YearMonth> {
        @Override
        LocalDate day(YearMonth value) {
            return value.atDay(1);
        }
    }

    public static final class OfOffsetDateTime extends PlausibleDateValidator<OffsetDateTime> {
        @Override
        LocalDate day(OffsetDateTime value) {
            return value.toLocalDate();
        }
    }

    public static final class OfLocalDateTime extends PlausibleDateValidator<LocalDateTime> {
        @Override
        LocalDate day(LocalDateTime value) {
            return value.toLocalDate();
        }
    }
}
