package org.preventhub.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.junit.jupiter.api.Test;

/** A deprecated operation answers Deprecation and Sunset (and its successor) from the annotations of its document. */
class DeprecationsTest {

    @SuppressWarnings("unused")
    static class SessionsResource {

        @Deprecated(since = "2026-12-07")
        @Extension(name = "x-sunset", value = "2027-06-30")
        @Extension(name = "x-successor", value = "/api/training/v2/sessions")
        public void listV1() {
        }

        public void listV2() {
        }

        @Deprecated
        @Extension(name = "x-sunset", value = "2027-06-30")
        public void withoutItsDeprecationDay() {
        }

        @Deprecated(since = "2026-12-07")
        public void withoutASunset() {
        }
    }

    private static Method method(String name) throws NoSuchMethodException {
        return SessionsResource.class.getMethod(name);
    }

    @Test
    void aDeprecatedOperationAnswersDeprecationSunsetAndItsSuccessor() throws Exception {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        Deprecations filter = new Deprecations();
        filter.resource = resourceInfo(method("listV1"));

        filter.filter(null, responseWith(headers));

        // 2026-12-07T00:00:00Z, RFC 9745's structured date
        assertEquals("@1796601600", headers.getFirst("Deprecation"));
        assertEquals("Wed, 30 Jun 2027 00:00:00 GMT", headers.getFirst("Sunset"));
        assertEquals("</api/training/v2/sessions>; rel=\"successor-version\"", headers.getFirst("Link"));
    }

    @Test
    void anOperationThatIsNotDeprecatedAnswersNeither() throws Exception {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        Deprecations filter = new Deprecations();
        filter.resource = resourceInfo(method("listV2"));

        filter.filter(null, responseWith(headers));

        assertTrue(headers.isEmpty(), headers.toString());
    }

    @Test
    void aDeprecationWithoutItsDayOrItsSunsetIsRefused() {
        assertThrows(IllegalStateException.class, () -> Deprecations.headersFor(method("withoutItsDeprecationDay")));
        assertThrows(IllegalStateException.class, () -> Deprecations.headersFor(method("withoutASunset")));
    }

    private static ResourceInfo resourceInfo(Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return method.getDeclaringClass();
            }
        };
    }

    /** Only the headers of an answer matter here. */
    private static ContainerResponseContext responseWith(MultivaluedMap<String, Object> headers) {
        return (ContainerResponseContext) Proxy.newProxyInstance(DeprecationsTest.class.getClassLoader(),
                new Class<?>[] { ContainerResponseContext.class }, (proxy, called, args) -> {
                    if (called.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
    }
}
