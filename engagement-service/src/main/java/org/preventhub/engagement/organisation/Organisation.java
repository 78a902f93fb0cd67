package org.preventhub.engagement.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.preventhub.engagement.contact.Contacts;
import org.preventhub.engagement.contact.Contacts.Contact;

@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    public String area;

    /** The contact's name, e-mail address and phone, each encrypted (see {@link #contact}). */
    @Column(name = "contact_name_enc")
    public String contactNameEnc;

    @Column(name = "contact_email_enc")
    public String contactEmailEnc;

    @Column(name = "contact_phone_enc")
    public String contactPhoneEnc;

    /** Blind indexes of the contact's e-mail address and name, for a subject access request. */
    @Column(name = "contact_email_index")
    public String contactEmailIndex;

    @Column(name = "contact_name_index")
    public String contactNameIndex;

    /** When the contact was erased on request. */
    @Column(name = "contact_erased_at")
    public Instant contactErasedAt;

    @Column(nullable = false)
    public boolean active;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Contact contact(Contacts contacts) {
        return new Contact(contacts.open(contactNameEnc, context("contactName")),
                contacts.open(contactEmailEnc, context("contactEmail")),
                contacts.open(contactPhoneEnc, context("contactPhone")));
    }

    public void contact(Contacts contacts, Contact contact) {
        contactNameEnc = contacts.seal(contact.name(), context("contactName"));
        contactEmailEnc = contacts.seal(contact.email(), context("contactEmail"));
        contactPhoneEnc = contacts.seal(contact.phone(), context("contactPhone"));
        contactEmailIndex = contacts.emailIndex(contact.email());
        contactNameIndex = contacts.nameIndex(contact.name());
    }

    /** Forgets the contact; the organisation stays. */
    public void eraseContact(Instant now) {
        contactNameEnc = null;
        contactEmailEnc = null;
        contactPhoneEnc = null;
        contactEmailIndex = null;
        contactNameIndex = null;
        contactErasedAt = now;
    }

    /** Binds each encrypted value to this organisation and field. */
    public String context(String field) {
        return "organisation/" + id + "/" + field;
    }
}
