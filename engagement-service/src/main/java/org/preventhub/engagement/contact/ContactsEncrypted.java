package org.preventhub.engagement.contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * The migration between the one that adds the encrypted columns and the one that drops the text: encrypts the
 * contacts already held with the service's keys, in the migration's transaction, before the service serves
 * anything. A Java migration, since it needs the keys; given to Flyway here, with them.
 */
@Singleton
public class ContactsEncrypted implements FlywayConfigurationCustomizer {

    private final Contacts contacts;

    public ContactsEncrypted(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.javaMigrations(migration());
    }

    public BaseJavaMigration migration() {
        return new V2026_12_08_31__contacts_encrypted(this);
    }

    /** Named as Flyway names migrations: it reads the version and description from the name. */
    static final class V2026_12_08_31__contacts_encrypted extends BaseJavaMigration {

        private final ContactsEncrypted encryption;

        V2026_12_08_31__contacts_encrypted(ContactsEncrypted encryption) {
            this.encryption = encryption;
        }

        @Override
        public void migrate(Context context) throws Exception {
            encryption.encrypt(context.getConnection());
        }
    }

    void encrypt(Connection c) throws SQLException {
        try (Statement select = c.createStatement();
                PreparedStatement update = c.prepareStatement("""
                        UPDATE organisation SET contact_name_enc = ?, contact_email_enc = ?, contact_phone_enc = ?,
                               contact_email_index = ?, contact_name_index = ?,
                               contact_name = NULL, contact_email = NULL, contact_phone = NULL WHERE id = ?""");
                ResultSet rs = select.executeQuery("""
                        SELECT id, contact_name, contact_email, contact_phone FROM organisation
                        WHERE contact_name IS NOT NULL OR contact_email IS NOT NULL OR contact_phone IS NOT NULL""")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                String context = "organisation/" + id + "/";
                update.setString(1, contacts.seal(rs.getString(2), context + "contactName"));
                update.setString(2, contacts.seal(rs.getString(3), context + "contactEmail"));
                update.setString(3, contacts.seal(rs.getString(4), context + "contactPhone"));
                update.setString(4, contacts.emailIndex(rs.getString(3)));
                update.setString(5, contacts.nameIndex(rs.getString(2)));
                update.setObject(6, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
