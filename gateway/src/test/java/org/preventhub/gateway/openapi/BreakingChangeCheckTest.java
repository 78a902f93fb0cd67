package org.preventhub.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The contract check ({@link ApiCompatibility}) finds each kind of breaking change, and lets additions pass. */
class BreakingChangeCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private final ObjectNode released = ApiContractTest.withoutExamples(SuiteDocument.merged());

    private ObjectNode built() {
        return released.deepCopy();
    }

    @Test
    void anUnchangedDocumentHasNoBreakingChange() {
        assertThat(ApiCompatibility.breakingChanges(released, built(), TODAY)).isEmpty();
    }

    @Test
    void failsWhenAFieldOfAnAnswerIsRemoved() {
        ObjectNode built = built();
        ((ObjectNode) built.at("/components/schemas/SessionResponse/properties")).remove("seatsLeft");

        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY))
                .contains("GET /api/training/sessions/{id} 200: field seatsLeft removed")
                .anyMatch(change -> change.startsWith("GET /api/training/sessions 200.items[]: field seatsLeft removed"));
    }

    @Test
    void failsWhenAnOperationIsRemovedUnlessItsSunsetHasPassed() {
        ObjectNode built = built();
        ((ObjectNode) built.at("/paths/~1api~1training~1bookings")).remove("get");
        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY))
                .containsExactly("GET /api/training/bookings: operation removed (deprecate it with x-sunset first, and keep it until then)");

        ObjectNode deprecated = released.deepCopy();
        ((ObjectNode) deprecated.at("/paths/~1api~1training~1bookings/get")).put("deprecated", true).put("x-sunset", "2026-12-01");
        assertThat(ApiCompatibility.breakingChanges(deprecated, built, TODAY)).isEmpty();
        assertThat(ApiCompatibility.breakingChanges(deprecated, built, LocalDate.of(2026, 11, 30))).hasSize(1);

        ObjectNode deprecatedWithoutSunset = released.deepCopy();
        ((ObjectNode) deprecatedWithoutSunset.at("/paths/~1api~1training~1bookings/get")).put("deprecated", true);
        assertThat(ApiCompatibility.breakingChanges(deprecatedWithoutSunset, built, TODAY)).hasSize(1);
    }

    @Test
    void aNewMajorVersionOfTheDescriptionMayBreakButAMinorOneMayNot() {
        ObjectNode built = built();
        ((ObjectNode) built.at("/paths/~1api~1training~1bookings")).remove("get");
        ((ObjectNode) released.path("info")).put("version", "1.3.0");

        ((ObjectNode) built.path("info")).put("version", "1.4.0");
        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY)).hasSize(1);

        ((ObjectNode) built.path("info")).put("version", "2.0.0");
        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY)).isEmpty();
    }

    @Test
    void failsOnANewRequiredInput() {
        ObjectNode built = built();
        ((ArrayNode) built.at("/paths/~1api~1training~1sessions/get/parameters")).addObject()
                .put("name", "region").put("in", "query").put("required", true).putObject("schema").put("type", "string");
        ((ArrayNode) built.at("/components/schemas/SessionRequest/required")).add("venue");

        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY))
                .contains("GET /api/training/sessions: new required parameter query:region")
                .contains("POST /api/training/sessions body: new required field venue");
    }

    @Test
    void failsOnANarrowedType() {
        ObjectNode built = built();
        ObjectNode venue = (ObjectNode) built.at("/components/schemas/SessionRequest/properties/venue");
        venue.put("maxLength", 10);
        ObjectNode capacity = (ObjectNode) built.at("/components/schemas/SessionResponse/properties/capacity");
        capacity.put("type", "string");

        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY))
                .anyMatch(change -> change.startsWith("POST /api/training/sessions body.venue: maxLength"))
                .contains("GET /api/training/sessions/{id} 200.capacity: type integer became string");
    }

    @Test
    void anAddedOperationOrFieldIsNotBreaking() {
        ObjectNode built = built();
        ((ObjectNode) built.at("/components/schemas/SessionResponse/properties")).putObject("room").put("type", "string");
        ((ObjectNode) built.at("/paths")).putObject("/api/training/rooms").set("get", released.at("/paths/~1api~1training~1bookings/get"));

        assertThat(ApiCompatibility.breakingChanges(released, built, TODAY)).isEmpty();
    }
}
