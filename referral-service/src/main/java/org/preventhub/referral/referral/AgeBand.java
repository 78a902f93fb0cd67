package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.time.Period;

/** The age bands of the Home Office's Prevent statistics, from the age on the day of referral. */
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
}
