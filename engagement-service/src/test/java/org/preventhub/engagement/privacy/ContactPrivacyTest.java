package org.preventhub.engagement.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.preventhub.engagement.support.EngagementApi.as;
import static org.preventhub.engagement.support.EngagementApi.asOfficer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.preventhub.engagement.contact.Contacts;
import org.preventhub.engagement.contact.ContactsEncrypted;
import org.preventhub.platform.security.Roles;
import org.preventhub.testing.Sql;
import org.preventhub.testing.TestTokens;
import org.preventhub.testing.infra.PostgresServer;
import org.preventhub.testing.infra.TestInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Partner organisations' contacts are encrypted at rest and found by keyed hash; the Prevent lead exports what is
 * held about a contact and erases it on request, each request logged, and the organisation stays.
 */
@QuarkusTest
class ContactPrivacyTest {

    private static final String PURPOSE = "X-Access-Purpose";

    @Inject
    ContactsEncrypted encryption;

    @Inject
    Contacts contacts;

    private static RequestSpecification lead(String purpose) {
        return given().auth().oauth2(TestTokens.as(Roles.PREVENT_LEAD).username("lead-contacts").token())
                .contentType(ContentType.JSON).header(PURPOSE, purpose);
    }

    private static long rowsContaining(String value) {
        long found = 0;
        for (Map<String, Object> table : Sql.rows("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")) {
            found += Sql.count("SELECT count(*) FROM \"" + table.get("table_name") + "\" t WHERE t::text ILIKE ?",
                    "%" + value + "%");
        }
        return found;
    }

    private static String organisation(String name, String contact, String email, String phone) {
        return asOfficer().body(Map.of("name", name, "type", "FAITH_GROUP", "area", "rugby", "contactName", contact,
                "contactEmail", email, "contactPhone", phone)).post("/organisations").then().statusCode(201).extract().path("id");
    }

    @Test
    void contactsAreEncryptedAtRestAndShownInClearToWhoMayContactThem() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String id = organisation("Mosque " + tag, "Imam Farrokh-" + tag, "imam." + tag + "@mosque.example.org", "01788 " + tag);

        assertThat(rowsContaining("Farrokh-" + tag)).isZero();
        assertThat(rowsContaining("imam." + tag)).isZero();
        assertThat(rowsContaining("01788 " + tag)).isZero();
        assertThat(Sql.rows("SELECT contact_email_enc FROM organisation WHERE id = ?", UUID.fromString(id)).get(0)
                .get("contact_email_enc").toString()).startsWith("v1.demo-1.");
        asOfficer().get("/organisations/" + id).then().body("contactName", equalTo("Imam Farrokh-" + tag))
                .body("contactEmail", equalTo("imam." + tag + "@mosque.example.org")).body("contactPhone", equalTo("01788 " + tag));
    }

    @Test
    void thePreventLeadExportsAndErasesAContactOnRequestAndTheOrganisationsStay() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "pastor." + tag + "@church.example.org";
        String church = organisation("Church " + tag, "Pastor Ingleby-" + tag, email, "01926 " + tag);
        String forum = organisation("Forum " + tag, "Pastor Ingleby-" + tag, email.toUpperCase(), "01926 " + tag);
        String other = organisation("Club " + tag, "Someone Else", "else." + tag + "@club.example.org", "01926 000000");

        lead("Subject access request " + tag).body(Map.of("email", email)).post("/subject-access").then().statusCode(200)
                .body("organisations.id", org.hamcrest.Matchers.containsInAnyOrder(church, forum))
                .body("organisations[0].contactName", equalTo("Pastor Ingleby-" + tag));

        lead("Erasure request " + tag).body(Map.of("email", email, "name", "Pastor Ingleby-" + tag))
                .post("/subject-access/erasure").then().statusCode(200).body("organisations", equalTo(2));

        assertThat(rowsContaining("Ingleby-" + tag)).isZero();
        assertThat(rowsContaining("pastor." + tag)).isZero();
        for (String id : List.of(church, forum)) {
            asOfficer().get("/organisations/" + id).then().statusCode(200).body("name", org.hamcrest.Matchers.startsWith(""))
                    .body("contactName", equalTo(null)).body("contactEmail", equalTo(null)).body("contactPhone", equalTo(null));
        }
        asOfficer().get("/organisations/" + other).then().body("contactName", equalTo("Someone Else"));
        lead("Audit").get("/subject-access/log").then().statusCode(200)
                .body("items[0].action", equalTo("ERASE")).body("items[0].purpose", equalTo("Erasure request " + tag))
                .body("items[0].requestedBy", equalTo("user-lead-contacts")).body("items[0].organisations", equalTo(2))
                .body("items[1].action", equalTo("EXPORT"));
        lead("Checking " + tag).body(Map.of("email", email)).post("/subject-access").then()
                .body("organisations.size()", equalTo(0)).body("earlierRequests.action", hasItem("ERASE"));
    }

    @Test
    void onlyThePreventLeadAsksAndEveryRequestSaysWhy() {
        for (String path : List.of("/subject-access", "/subject-access/erasure")) {
            asOfficer().header(PURPOSE, "curious").body(Map.of("email", "a@example.org")).post(path).then().statusCode(403);
            as(Roles.PREVENT_LEAD).body(Map.of("email", "a@example.org")).post(path).then().statusCode(400)
                    .body("violations[0].field", equalTo(PURPOSE));
        }
        asOfficer().get("/subject-access/log").then().statusCode(403);
    }

    @Test
    void contactsHeldInClearBeforeThisVersionAreEncryptedByTheUpgrade() throws SQLException {
        String database = "upgrade_" + UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.postgres().createDatabase(database);
        String url = TestInfrastructure.postgres().jdbcUrl(database);
        Flyway.configure().dataSource(url, PostgresServer.USER, "").locations("classpath:db/platform", "classpath:db/migration")
                .target("2026.12.08.30").load().migrate();
        UUID id = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO organisation (id, name, type, contact_name, contact_email, contact_phone, active, version,
                            created_at, updated_at)
                        VALUES (?, 'EQuIP', 'EQUALITY_CHARITY', 'Ottilie Brackenbury', 'ottilie@equip.example.org',
                            '01926 123456', true, 0, now(), now())""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }

        Flyway.configure().dataSource(url, PostgresServer.USER, "").locations("classpath:db/platform", "classpath:db/migration")
                .javaMigrations(encryption.migration()).load().migrate();

        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, "");
                PreparedStatement select = c.prepareStatement("SELECT t::text, contact_name_enc, contact_email_enc, "
                        + "contact_phone_enc, contact_email_index FROM organisation t WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).doesNotContain("Ottilie", "Brackenbury", "ottilie@", "123456");
                String context = "organisation/" + id + "/";
                assertThat(contacts.open(rs.getString(2), context + "contactName")).isEqualTo("Ottilie Brackenbury");
                assertThat(contacts.open(rs.getString(3), context + "contactEmail")).isEqualTo("ottilie@equip.example.org");
                assertThat(contacts.open(rs.getString(4), context + "contactPhone")).isEqualTo("01926 123456");
                assertThat(rs.getString(5)).isEqualTo(contacts.emailIndex("OTTILIE@equip.example.org"));
            }
        }
    }
}
