package org.preventhub.referral.config;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.preventhub.platform.config.DeploymentSecret;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.referral")
public interface ReferralConfig {

    /** Types of concern a referral may name: the Home Office's, plus any a deployment adds. */
    List<String> concernTypes();

    /**
     * The Home Office's category of each local type of concern, for the statistics release; a type not listed is
     * the Home Office's own name (ISLAMIST, EXTREME_RIGHT_WING, MIXED_UNCLEAR_UNSTABLE, ...) or, failing that, OTHER.
     */
    Map<String, String> homeOfficeConcernTypes();

    /** The Home Office category of a local type of concern. */
    default String homeOfficeConcernType(String local) {
        String mapped = homeOfficeConcernTypes().get(local);
        if (mapped != null) {
            return mapped;
        }
        return HOME_OFFICE_CONCERN_TYPES.contains(local) ? local : "OTHER";
    }

    /** The categories of the Home Office's "type of concern". */
    List<String> HOME_OFFICE_CONCERN_TYPES = List.of("ISLAMIST", "EXTREME_RIGHT_WING", "LEFT_WING_ANARCHIST_SINGLE_ISSUE",
            "MIXED_UNCLEAR_UNSTABLE", "CONFLICTED", "SCHOOL_MASSACRE", "INCEL", "VULNERABILITY_NO_IDEOLOGY", "OTHER");

    Retention retention();

    /**
     * An open referral with no step for this long has stalled: it is listed for the Prevent lead, who must move it
     * on or close it (closing starts its retention period). It is never erased while open.
     */
    Period stalledAfter();

    Database database();

    /**
     * Where calendar programs fetch a panel member's feed: the public address of {@code GET /calendar-feeds/}, the
     * secret appended (through the gateway, {@code <GATEWAY_PUBLIC_URL>/api/referrals/calendar-feeds/}).
     */
    @WithDefault("http://localhost:8080/api/referrals/calendar-feeds/")
    String calendarFeedUrl();

    /** The role the service connects as (the schema owner, which Flyway uses, is configured apart). */
    interface Database {
        String user();

        /** The service role's password; Flyway gives it to the role at migration. */
        @DeploymentSecret(env = "REFERRAL_DB_PASSWORD", make = "openssl rand -base64 24")
        Optional<String> password();

        /** Refuse to start as a role that could change or empty the access and erasure logs. */
        boolean refusePrivilegedUser();
    }

    /** How long personal data is kept, from closure (or exit, for Channel cases). */
    interface Retention {
        /** No further action or signposted at screening. */
        Period screenedOut();

        Period notAdopted();

        Period consentRefused();

        /** Adopted cases, from exit. */
        Period channelCase();
    }
}
