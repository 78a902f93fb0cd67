package org.preventhub.platform.problem;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.preventhub.platform.request.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Builds problem documents and writes them, for JAX-RS mappers and for Vert.x route filters alike. */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper mapper;

    public ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Problem problem(int status, String slug, String title, String detail, String path,
            List<Violation> violations, Map<String, Object> extensions) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, path, RequestIds.current(),
                violations, extensions);
    }

    public Response response(Problem problem) {
        return builder(problem).build();
    }

    public Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem));
    }

    public Response response(int status, String slug, String title, String detail, String path) {
        return response(problem(status, slug, title, detail, path, null, null));
    }

    /** For handlers that run before JAX-RS (body size, gateway-style checks). */
    public void write(RoutingContext ctx, int status, String slug, String title, String detail) {
        write(ctx, problem(status, slug, title, detail, ctx.request().path(), null, null));
    }

    /** For handlers that run before JAX-RS, with the invalid fields named. */
    public void write(RoutingContext ctx, Problem problem) {
        int status = problem.status();
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        String requestId = RequestIds.current();
        if (requestId != null) {
            response.putHeader(RequestIds.HEADER, requestId);
        }
        response.end(json(problem));
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // Cannot happen for these plain values; keep a valid document anyway.
            return "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
    }
}
