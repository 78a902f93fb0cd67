package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age bands, from the age on the day of referral: the partnership's own (children under 18 apart, for safeguarding)
 * and the Home Office's, as its Prevent statistics publish them (under 15, 15 to 20, then by decade). Only bands leave
 * the service, never an age or a date of birth.
 */
public final class AgeBand {

    private AgeBand() {
    }

    public static int age(LocalDate dateOfBirth, LocalDate on) {
        return Period.between(dateOfBirth, on).getYears();
    }

    public static String of(LocalDate dateOfBirth, LocalDate on) {
        int age = age(dateOfBirth, on);
        if (age < 15) {
            return "under-15";
        } else if (age <= 17) {
            return "15-17";
        } else if (age <= 20) {
            return "18-20";
        } else if (age <= 30) {
            return "21-30";
        } else if (age <= 40) {
            return "31-40";
        } else if (age <= 50) {
            return "41-50";
        } else if (age <= 60) {
            return "51-60";
        }
        return "61-plus";
    }

    /** The Home Office's band: the local one, with 15 to 17 and 18 to 20 together. */
    public static String homeOffice(LocalDate dateOfBirth, LocalDate on) {
        String local = of(dateOfBirth, on);
        return local.equals("15-17") || local.equals("18-20") ? "15-20" : local;
    }
}
