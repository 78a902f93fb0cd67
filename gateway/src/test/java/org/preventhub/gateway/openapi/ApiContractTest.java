package org.preventhub.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API partners generated their clients from is kept in the repository (api/prevent-hub-openapi.json, the merged
 * document without its examples); the built document must keep every promise of it. A breaking change goes through
 * versioning (api/CHANGELOG.md). To release the built document after an intended change (it is written only when it
 * has no breaking change against the released one; the clients are then generated from it):
 * {@code ./mvnw -B -q -pl gateway,clients -am verify -Dtest=ApiContractTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=none -Dprevent-hub.api.release=true}, and say what changed in the changelog.
 */
class ApiContractTest {

    static Path releasedFile() {
        return SuiteDocument.root().resolve("api/prevent-hub-openapi.json");
    }

    /** The merged document as it is released: examples dropped (they are not part of the contract). */
    static ObjectNode withoutExamples(JsonNode document) {
        ObjectNode copy = document.deepCopy();
        strip(copy, false);
        return copy;
    }

    private static void strip(JsonNode node, boolean namesAreFields) {
        if (node.isObject()) {
            if (!namesAreFields) {
                ((ObjectNode) node).remove("examples");
                ((ObjectNode) node).remove("example");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                strip(field.getValue(), field.getKey().equals("properties"));
            }
        } else if (node.isArray()) {
            node.forEach(child -> strip(child, false));
        }
    }

    @Test
    void theBuiltDocumentKeepsEveryPromiseOfTheReleasedOne() throws IOException {
        ObjectNode built = withoutExamples(SuiteDocument.merged());
        assertThat(releasedFile()).as("the released API description").exists();
        JsonNode released = SuiteDocument.MAPPER.readTree(releasedFile().toFile());
        assertThat(ApiCompatibility.breakingChanges(released, built, LocalDate.now()))
                .as("breaking changes against " + releasedFile() + " (version them: api/CHANGELOG.md)").isEmpty();
        // Released only once it is known to keep every promise: a release never hides a breaking change.
        if (Boolean.getBoolean("prevent-hub.api.release")) {
            SuiteDocument.MAPPER.writerWithDefaultPrettyPrinter().writeValue(releasedFile().toFile(), built);
        }
    }

    /** Partners read the version in the document and the change in the changelog: the two name the same release. */
    @Test
    void theReleasedDescriptionCarriesTheVersionOfTheChangelogsLatestRelease() throws IOException {
        String changelog = java.nio.file.Files.readString(SuiteDocument.root().resolve("api/CHANGELOG.md"));
        java.util.regex.Matcher latest = java.util.regex.Pattern.compile("(?m)^## \\d{4}-\\d{2}-\\d{2}: (\\d+\\.\\d+\\.\\d+)")
                .matcher(changelog);
        assertThat(latest.find()).as("a release heading in api/CHANGELOG.md").isTrue();
        assertThat(SuiteDocument.MAPPER.readTree(releasedFile().toFile()).path("info").path("version").asText())
                .isEqualTo(latest.group(1));
    }
}
