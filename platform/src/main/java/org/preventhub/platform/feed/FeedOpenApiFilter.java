package org.preventhub.platform.feed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Upload examples made from the feeds this service really takes: a CSV file and a JSON batch per feed, built
 * from each {@link FeedHandler}'s fields and their examples, so a council sees the columns it must send.
 * Runs at startup because the handlers are beans; the build-time document keeps the generic examples otherwise.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class FeedOpenApiFilter implements OASFilter {

    private static final String UPLOAD_SUFFIX = "/{feed}/imports";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || Arc.container() == null) {
            return;
        }
        List<FeedHandler<?>> handlers = Arc.container().select(new TypeLiteral<FeedHandler<?>>() {
        }).stream().toList();
        if (handlers.isEmpty()) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.endsWith(UPLOAD_SUFFIX) && item.getPOST() != null) {
                examples(item.getPOST(), handlers);
            }
        });
    }

    private static void examples(Operation upload, List<FeedHandler<?>> handlers) {
        if (upload.getRequestBody() == null || upload.getRequestBody().getContent() == null) {
            return;
        }
        Map<String, MediaType> types = upload.getRequestBody().getContent().getMediaTypes();
        MediaType csv = types == null ? null : types.get("text/csv");
        MediaType json = types == null ? null : types.get("application/json");
        if (csv != null) {
            csv.setExamples(new LinkedHashMap<>());
        }
        if (json != null) {
            json.setExamples(new LinkedHashMap<>());
        }
        for (FeedHandler<?> handler : handlers) {
            if (csv != null) {
                csv.addExample(handler.name(), OASFactory.createExample()
                        .summary("A `" + handler.name() + "` file, CSV").value(csv(handler.fields())));
            }
            if (json != null) {
                json.addExample(handler.name(), OASFactory.createExample()
                        .summary("A `" + handler.name() + "` batch, JSON").value(json(handler.fields())));
            }
        }
    }

    static String csv(List<FeedField> fields) {
        return fields.stream().map(FeedField::name).collect(Collectors.joining(",")) + "\n"
                + fields.stream().map(f -> quoted(f.example())).collect(Collectors.joining(",")) + "\n";
    }

    /** A JSON object (not text), so the document shows it as JSON. */
    static Map<String, Object> json(List<FeedField> fields) {
        Map<String, Object> record = new LinkedHashMap<>();
        fields.forEach(f -> record.put(f.name(), f.example()));
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("batchId", "2020-07-weekly-3");
        batch.put("records", List.of(record));
        return batch;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
