package org.preventhub.platform.web;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

/**
 * A deprecated operation says so on every answer, from the same annotations that mark it in the OpenAPI document, so
 * the document and the headers cannot disagree (api/CHANGELOG.md):
 *
 * <pre>
 * &#64;Deprecated(since = "2026-12-07")                        // deprecated: true; Deprecation: &#64;1796601600 (RFC 9745)
 * &#64;Extension(name = "x-sunset", value = "2027-06-30")      // Sunset: Wed, 30 Jun 2027 00:00:00 GMT (RFC 8594)
 * &#64;Extension(name = "x-successor", value = "/api/training/v2/sessions") // Link: &lt;...&gt;; rel="successor-version"
 * </pre>
 *
 * The breaking-change check lets the operation leave the released document from its sunset day on. A deprecated
 * operation without both days is a mistake of the build, not of the caller: it fails at the first answer.
 */
@Provider
public class Deprecations implements ContainerResponseFilter {

    public static final String SUNSET = "x-sunset";
    public static final String SUCCESSOR = "x-successor";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            headersFor(method).forEach(response.getHeaders()::putSingle);
        }
    }

    /** The headers a deprecated resource method answers with; none for one that is not deprecated. */
    public static Map<String, String> headersFor(Method method) {
        Deprecated deprecated = method.getAnnotation(Deprecated.class);
        if (deprecated == null) {
            deprecated = method.getDeclaringClass().getAnnotation(Deprecated.class);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (deprecated == null) {
            return headers;
        }
        LocalDate since = day(deprecated.since(), "@Deprecated(since)", method);
        LocalDate sunset = day(extension(method, SUNSET), SUNSET, method);
        if (!sunset.isAfter(since)) {
            throw new IllegalStateException(method + ": its sunset must come after its deprecation");
        }
        headers.put("Deprecation", "@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        headers.put("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(sunset.atStartOfDay(ZoneOffset.UTC)));
        String successor = extension(method, SUCCESSOR);
        if (!successor.isEmpty()) {
            headers.put("Link", "<" + successor + ">; rel=\"successor-version\"");
        }
        return headers;
    }

    private static String extension(Method method, String name) {
        for (Extension extension : method.getAnnotationsByType(Extension.class)) {
            if (extension.name().equals(name)) {
                return extension.value();
            }
        }
        return "";
    }

    private static LocalDate day(String text, String what, Method method) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(method + " is deprecated: " + what + " must be a day (YYYY-MM-DD), was '"
                    + text + "'", e);
        }
    }
}
