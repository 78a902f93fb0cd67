package org.preventhub.engagement.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.Priority;
import org.preventhub.engagement.organisation.PartnerRole;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public final class CommunicationDtos {

    private CommunicationDtos() {
    }

    @Schema(description = "A newsletter, bulletin, social post, web update or press response.")
    public record CommunicationRequest(
            @NotBlank @Size(max = 300) @Schema(example = "Warwickshire Prevent News – July 2020") String title,
            @Size(max = 40) @NotBlank @Schema(description = "NEWSLETTER, SCHOOLS_NEWSLETTER, BULLETIN, SOCIAL_POST, WEB_UPDATE or PRESS_RESPONSE.",
                    example = "BULLETIN") String channel,
            @Size(max = 40) @NotBlank @Schema(example = "PROFESSIONALS") String audience,
            @NotNull @Schema(example = "INTELLIGENCE_COMMUNICATIONS") Priority priority,
            @NotNull @PlausibleDate(Kind.PAST) @Schema(example = "2020-07-15") LocalDate publishedOn,
            @Min(0) @Max(10_000_000) @Schema(description = "People it was sent to, where known.", example = "850") Integer recipients,
            @Min(0) @Max(100_000_000) @Schema(description = "Views, where known.", example = "1200") Integer views,
            @Schema(description = "Published in response to an incident (e.g. supportive messages after an attack).",
                    example = "false") Boolean incidentResponse,
            @Size(max = 2000) @Schema(example = "Online Prevent Update dates for the autumn, and referral advice.")
            String summary,
            @Size(max = 20) @Schema(description = "Organisations it was issued with or for, and their roles.")
            List<@Valid @NotNull PartnerRole> partners) {
    }

    @Schema(description = "A communication, with its reach (recipients plus views) where known.")
    public record CommunicationView(UUID id, @Schema(maxLength = 300) String title,
            @Schema(maxLength = 40) String channel, @Schema(maxLength = 40) String audience, Priority priority,
            LocalDate publishedOn, Integer recipients, Integer views, Integer reach, boolean incidentResponse,
            @Schema(maxLength = 2000) String summary, @Schema(maxItems = 20) List<PartnerRole> partners, long version) {

        static CommunicationView of(Communication c) {
            return new CommunicationView(c.id, c.title, c.channel, c.audience, c.priority, c.publishedOn, c.recipients,
                    c.views, c.reach(), c.incidentResponse, c.summary,
                    c.partners.stream().map(p -> new PartnerRole(p.organisationId, p.role)).toList(), c.version);
        }
    }
}
