package org.preventhub.gateway.support;

/**
 * OpenAPI documents as the services publish them: each has its own paths, the same shared component
 * ({@code Problem}) and one component name that means different things in two services ({@code Summary}).
 */
final class OpenApiFixtures {

    private OpenApiFixtures() {
    }

    static String document(String service) {
        String summary = service.equals("training")
                ? "{\"type\":\"object\",\"properties\":{\"sessions\":{\"type\":\"integer\"}}}"
                : "{\"type\":\"object\",\"properties\":{\"events\":{\"type\":\"integer\"},\"problem\":{\"$ref\":\"#/components/schemas/Problem\"}}}";
        return """
                {"openapi":"3.1.0","info":{"title":"%1$s","version":"1"},
                 "tags":[{"name":"Things","description":"%1$s things"}],
                 "paths":{
                   "/things":{"get":{"tags":["Things"],"operationId":"listThings","summary":"List things",
                      "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Summary"}}}},
                                   "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
                   "/things/{id}":{"get":{"tags":["Things"],"summary":"Read a thing",
                      "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                      "responses":{"200":{"description":"ok"}}}},
                   "/q/health":{"get":{"responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{
                   "Problem":{"type":"object","properties":{"type":{"type":"string"},"status":{"type":"integer"}}},
                   "Summary":%2$s},
                   "securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
                """.formatted(service, summary);
    }
}
