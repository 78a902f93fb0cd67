package org.preventhub.platform.web;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the limits every service enforces whatever the operation, so each schema and parameter of the
 * published document states its bounds:
 * <ul>
 * <li>a string in a format the service parses (uuid, date, date-time) is as long as the longest text that parses:
 * {@code java.util.UUID} refuses more than 36 characters; java.time's ISO parsers (Jackson's too, which also take
 * a date-time where a date is asked) refuse more than 35 for a date and 44 for a date-time (a nine-digit year,
 * nanoseconds and an offset with seconds);</li>
 * <li>a header is as long as {@link RequestLimits#HEADERS} allows, and a query or path parameter as long as
 * {@link RequestLimits#MAX_PARAMETER_LENGTH} (both checked by {@link HttpFilters}), unless it declares less;</li>
 * <li>an integer without a declared {@code minimum} or {@code maximum} is bounded by its format (int32 or int64):
 * the JSON reader refuses a number outside it (400), and the service cannot write one;</li>
 * <li>a {@code $ref} carries no {@code type} of its own beside it: the referenced schema says it.</li>
 * </ul>
 * Runs at build time, so the document stored then (target/openapi) is the one served.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class LimitsOpenApiFilter implements OASFilter {

    static final int UUID_LENGTH = 36;
    static final int DATE_LENGTH = 35;
    static final int DATE_TIME_LENGTH = 44;

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        if (isString(schema) && schema.getMaxLength() == null && schema.getFormat() != null) {
            Integer max = switch (schema.getFormat()) {
                case "uuid" -> UUID_LENGTH;
                case "date" -> DATE_LENGTH;
                case "date-time" -> DATE_TIME_LENGTH;
                default -> null;
            };
            if (max != null) {
                schema.setMaxLength(max);
            }
        }
        if (isInteger(schema)) {
            boolean int64 = "int64".equals(schema.getFormat());
            if (schema.getFormat() == null) {
                schema.setFormat("int32");
            }
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(BigDecimal.valueOf(int64 ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int64 ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null || parameter.getIn() == null) {
            return parameter;
        }
        Integer max = switch (parameter.getIn()) {
            case HEADER -> RequestLimits.HEADERS.get(parameter.getName());
            case QUERY, PATH -> RequestLimits.MAX_PARAMETER_LENGTH;
            default -> null;
        };
        if (max != null) {
            limit(schema, max);
            if (schema.getItems() != null) {
                limit(schema.getItems(), max);
            }
        }
        return parameter;
    }

    private static void limit(Schema schema, int max) {
        if (isString(schema) && schema.getEnumeration() == null
                && (schema.getMaxLength() == null || schema.getMaxLength() > max)) {
            schema.setMaxLength(max);
        }
    }

    private static boolean isInteger(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        return type != null && type.contains(Schema.SchemaType.INTEGER);
    }

    private static boolean isString(Schema schema) {
        List<Schema.SchemaType> type = schema.getType();
        return type != null && type.contains(Schema.SchemaType.STRING);
    }
}
