package org.preventhub.engagement.organisation;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.contact.Contacts.Contact;

public final class OrganisationDtos {

    private OrganisationDtos() {
    }

    @Schema(description = "A partner organisation.")
    public record OrganisationRequest(
            @NotBlank @Size(max = 200) @Schema(example = "EQuIP") String name,
            @Size(max = 40) @NotBlank @Schema(description = "A configured organisation type.", example = "EQUALITY_CHARITY") String type,
            @Size(max = 80) @Schema(example = "warwick") String area,
            @Size(max = 200) @Schema(example = "Events coordinator") String contactName,
            @Email @Size(max = 320) @Schema(example = "events@equip.example.org") String contactEmail,
            @Size(max = 40) @Schema(example = "01926 000000") String contactPhone,
            @Schema(description = "Defaults to true.") Boolean active) {
    }

    @Schema(description = "A partner organisation. Its contact details are shown to engagement officers and the Prevent "
            + "lead only; other roles get them empty.")
    public record OrganisationView(UUID id, @Schema(maxLength = 200, example = "EQuIP") String name,
            @Schema(maxLength = 40, example = "EQUALITY_CHARITY") String type,
            @Schema(maxLength = 80, example = "warwick") String area,
            @Schema(maxLength = 200, example = "Events coordinator") String contactName,
            @Schema(maxLength = 320, example = "events@equip.example.org") String contactEmail,
            @Schema(maxLength = 40) String contactPhone, boolean active,
            long version) {

        /** @param contact decrypted (empty once erased) */
        public static OrganisationView of(Organisation o, Contact contact) {
            return new OrganisationView(o.id, o.name, o.type, o.area, contact.name(), contact.email(), contact.phone(),
                    o.active, o.version);
        }

        /** The organisation as a reader who may not contact it sees it. */
        static OrganisationView withoutContact(Organisation o) {
            return new OrganisationView(o.id, o.name, o.type, o.area, null, null, null, o.active, o.version);
        }
    }
}
