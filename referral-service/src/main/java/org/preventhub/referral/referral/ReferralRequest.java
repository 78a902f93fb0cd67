package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.referral.Vocabulary.Gender;
import org.preventhub.referral.referral.Vocabulary.Urgency;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/** A referral to Channel, as a partner agency makes it. The example person is fictional. */
@Schema(description = "A referral to Channel.")
public record ReferralRequest(
        @NotNull @Valid Referrer referrer,
        @NotNull @Valid Person person,
        @NotEmpty @Size(max = 5) @Schema(description = "Types of concern, from the configured vocabulary.",
                example = "[\"EXTREME_RIGHT_WING\"]") List<@NotBlank @Size(max = 50) String> concernTypes,
        @NotBlank @Size(max = 5000) @Schema(description = "What prompted the referral.",
                example = "Shared extreme right-wing videos in class and spoke of wanting to 'do something'.") String prompt,
        @Schema(description = "Defaults to ROUTINE.") Urgency urgency,
        @PlausibleDate(Kind.PAST) @Schema(description = "When the referral was received; defaults to today, never later. "
                + "A referrer may date it at most 7 days back (the day its form or system recorded it); the Prevent "
                + "lead may enter earlier referrals, back to 1990-01-01. Otherwise 400.", example = "2020-02-11")
        LocalDate receivedOn) {

    @Schema(description = "Who refers.")
    public record Referrer(
            @Size(max = 100) @Schema(description = "The referring agency. A referrer's own agency (from the token) "
                    + "is used; the Prevent lead may name one.", example = "nicolas-chamberlaine-school") String agency,
            @NotBlank @Size(max = 40) @Schema(description = "A sector code of the deployment (one vocabulary for the suite: by default the Home Office's sectors of referral, Prisons and Probation apart).", example = "EDUCATION") String sector,
            @Size(max = 200) @Schema(example = "Designated Safeguarding Lead") String contactName,
            @Email @Size(max = 320) @Schema(example = "dsl@school.example.org") String contactEmail,
            @Size(max = 40) @Schema(example = "024 7600 0000") String contactPhone) {
    }

    @Schema(description = "The person referred. Stored encrypted, except gender, area and the age band.")
    public record Person(
            @NotBlank @Size(max = 200) @Schema(example = "Jamie Example") String name,
            @NotNull @Past @PlausibleDate(Kind.BIRTH) @Schema(example = "2005-06-14") LocalDate dateOfBirth,
            @NotNull @Schema(example = "MALE") Gender gender,
            @Size(max = 500) @Schema(example = "1 Example Road, Nuneaton") String address,
            @Size(max = 80) @NotBlank @Schema(description = "Area code of the deployment.", example = "nuneaton-and-bedworth") String area,
            @Size(max = 200) @Schema(example = "Example Academy") String schoolOrEmployer,
            @Size(max = 100) String ethnicity,
            @Size(max = 10) @Schema(example = "[\"neurodiversity\"]") List<@NotBlank @Size(max = 200) String> vulnerabilities) {
    }
}
