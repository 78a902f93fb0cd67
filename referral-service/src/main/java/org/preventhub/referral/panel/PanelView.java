package org.preventhub.referral.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A Channel panel meeting and its agenda.")
public record PanelView(UUID id, LocalDate meetsOn, @Schema(maxLength = 200) String chairName,
        @Schema(maxLength = 20) String status, @Schema(maxItems = 41) List<Member> members,
        List<AgendaItem> agenda, long version) {

    public record Member(@Schema(maxLength = 200) String userId, @Schema(maxLength = 200) String name,
            @Schema(maxLength = 100) String agency) {
    }

    public record AgendaItem(UUID referralId, @Schema(maxLength = 20) String reference,
            @Schema(maxLength = 30) String referralStatus, @Schema(maxLength = 40) String decision,
            @Schema(maxLength = 8000, description = "Only when reading one panel with a purpose; for the Prevent lead, and for the panel's "
                    + "members while the case is open.") String minutes) {
    }
}
