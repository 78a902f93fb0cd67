package org.preventhub.referral.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: a referral of a fictional person, as a JSON-ready map. */
public final class ReferralBuilder {

    private String name = "Jamie Example " + UUID.randomUUID().toString().substring(0, 6);
    private LocalDate dateOfBirth = LocalDate.now().minusYears(16);
    private String gender = "MALE";
    private String area = "nuneaton-and-bedworth";
    private List<String> concernTypes = List.of("EXTREME_RIGHT_WING");
    private String prompt = "Shared extreme right-wing videos in class.";
    private String agency;
    private String sector = "EDUCATION";
    private LocalDate receivedOn;

    public static ReferralBuilder aReferral() {
        return new ReferralBuilder();
    }

    public ReferralBuilder name(String name) {
        this.name = name;
        return this;
    }

    public String name() {
        return name;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public ReferralBuilder bornOn(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
        return this;
    }

    public ReferralBuilder adult() {
        this.dateOfBirth = LocalDate.now().minusYears(34);
        return this;
    }

    public ReferralBuilder area(String area) {
        this.area = area;
        return this;
    }

    public ReferralBuilder concerns(String... types) {
        this.concernTypes = List.of(types);
        return this;
    }

    /** The referrer's sector: a code of the suite's sectors. */
    public ReferralBuilder sector(String sector) {
        this.sector = sector;
        return this;
    }

    public ReferralBuilder agency(String agency) {
        this.agency = agency;
        return this;
    }

    public ReferralBuilder prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    public ReferralBuilder receivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
        return this;
    }

    public Map<String, Object> build() {
        Map<String, Object> referrer = new HashMap<>();
        referrer.put("agency", agency);
        referrer.put("sector", sector);
        referrer.put("contactName", "Designated Safeguarding Lead");
        referrer.put("contactEmail", "dsl@school.example.org");
        Map<String, Object> person = new HashMap<>();
        person.put("name", name);
        person.put("dateOfBirth", dateOfBirth.toString());
        person.put("gender", gender);
        person.put("address", "1 Example Road, Nuneaton");
        person.put("area", area);
        person.put("schoolOrEmployer", "Example Academy");
        person.put("ethnicity", "White British");
        person.put("vulnerabilities", new ArrayList<>(List.of("neurodiversity")));
        Map<String, Object> referral = new HashMap<>();
        referral.put("referrer", referrer);
        referral.put("person", person);
        referral.put("concernTypes", concernTypes);
        referral.put("prompt", prompt);
        referral.put("urgency", "ROUTINE");
        if (receivedOn != null) {
            referral.put("receivedOn", receivedOn.toString());
        }
        return referral;
    }
}
