package org.preventhub.referral.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A Channel panel meeting and its agenda.")
public record PanelView(UUID id, LocalDate meetsOn, String chairName, String status, List<Member> members,
        List<AgendaItem> agenda, long version) {

    public record Member(String userId, String name, String agency) {
    }

    public record AgendaItem(UUID referralId, String reference, String referralStatus, String decision,
            @Schema(description = "Only when reading one panel with a purpose; for the Prevent lead, and for the panel's "
                    + "members while the case is open.") String minutes) {
    }
}
