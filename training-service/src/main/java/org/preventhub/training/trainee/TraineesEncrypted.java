package org.preventhub.training.trainee;

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
 * trainees already held (bookings, register, evaluations' comments) with the service's keys, in the migration's
 * transaction, before the service serves anything. It empties the text as it goes, so the row versions it writes
 * hold none (dropping a column does not rewrite the rows that still hold it); the next migration drops the columns.
 * The row versions it replaces are dead and go at the next vacuum (README, "Decisions"). A Java migration, since it needs the keys; given to Flyway here,
 * because it needs them from the service's configuration.
 */
@Singleton
public class TraineesEncrypted implements FlywayConfigurationCustomizer {

    private static final int BATCH = 500;

    private final PersonalData personal;

    public TraineesEncrypted(PersonalData personal) {
        this.personal = personal;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.javaMigrations(migration());
    }

    /** The migration itself (also for tests that upgrade a database holding trainees in clear). */
    public BaseJavaMigration migration() {
        return new V2026_12_08_13__trainees_encrypted(this);
    }

    /** Named as Flyway names migrations: it reads the version and description from the name. */
    static final class V2026_12_08_13__trainees_encrypted extends BaseJavaMigration {

        private final TraineesEncrypted encryption;

        V2026_12_08_13__trainees_encrypted(TraineesEncrypted encryption) {
            this.encryption = encryption;
        }

        @Override
        public void migrate(Context context) throws Exception {
            encryption.encrypt(context.getConnection());
        }
    }

    void encrypt(Connection c) throws SQLException {
        people(c, "booking", "SELECT id, attendee_name, attendee_email, organisation, job_role, NULL FROM booking "
                + "WHERE attendee_name_enc IS NULL AND attendee_name IS NOT NULL");
        people(c, "attendance", "SELECT id, attendee_name, attendee_email, organisation, job_role, correction_reason "
                + "FROM attendance WHERE attendee_name_enc IS NULL AND attendee_name IS NOT NULL");
        try (Statement select = c.createStatement();
                PreparedStatement update = c.prepareStatement("UPDATE evaluation SET comments_enc = ?, comments = NULL WHERE id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = select.executeQuery("SELECT id, comments FROM evaluation WHERE comments IS NOT NULL")) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    update.setString(1, personal.seal(rs.getString(2), "evaluation/" + id + "/comments"));
                    update.setObject(2, id);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
        }
    }

    /** Bookings or marks of the register: the same columns, bound to their own table's name. */
    private void people(Connection c, String table, String query) throws SQLException {
        try (Statement select = c.createStatement();
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET attendee_name_enc = ?, "
                        + "attendee_email_enc = ?, organisation_enc = ?, job_role_enc = ?, email_index = ?, name_index = ?"
                        + (table.equals("attendance") ? ", correction_reason_enc = ?, correction_reason = NULL" : "")
                        + ", attendee_name = NULL, attendee_email = NULL, organisation = NULL, job_role = NULL WHERE id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = select.executeQuery(query)) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    String context = table + "/" + id + "/";
                    String email = rs.getString(3);
                    int i = 0;
                    update.setString(++i, personal.seal(rs.getString(2), context + "name"));
                    update.setString(++i, personal.seal(email, context + "email"));
                    update.setString(++i, personal.seal(rs.getString(4), context + "organisation"));
                    update.setString(++i, personal.seal(rs.getString(5), context + "jobRole"));
                    update.setString(++i, personal.emailIndex(email));
                    update.setString(++i, personal.nameIndex(rs.getString(2)));
                    if (table.equals("attendance")) {
                        update.setString(++i, personal.seal(rs.getString(6), context + "correctionReason"));
                    }
                    update.setObject(++i, id);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
        }
    }
}
