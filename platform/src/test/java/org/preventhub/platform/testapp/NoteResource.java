package org.preventhub.platform.testapp;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.preventhub.platform.idempotency.IdempotentRequests;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.Roles;

/** Thin, as a service's resources are: the idempotency key, then the service class. */
@Path("/notes")
@RolesAllowed({ Roles.PREVENT_LEAD, Roles.TRAINER })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    public record NoteRequest(@NotBlank @Size(max = 300) String text) {
    }

    private final Notes notes;
    private final IdempotentRequests idempotency;

    NoteResource(Notes notes, IdempotentRequests idempotency) {
        this.notes = notes;
        this.idempotency = idempotency;
    }

    @POST
    public Response write(@HeaderParam(IdempotentRequests.HEADER) String key, @Valid @NotNull NoteRequest request) {
        return idempotency.execute(key, "POST /notes", request, () -> {
            Notes.NoteView note = notes.write(request.text());
            return Response.created(URI.create("/notes/" + note.id())).entity(note).build();
        });
    }

    @PUT
    @Path("/{id}")
    public Response change(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String key,
            @Valid @NotNull NoteRequest request) {
        return idempotency.execute(key, "PUT /notes/" + id, request, () -> notes.change(id, request.text())
                .map(note -> Response.ok(note).build())
                .orElseThrow(() -> ProblemException.notFound("note")));
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") UUID id) {
        if (!notes.remove(id)) {
            throw ProblemException.notFound("note");
        }
        return Response.noContent().build();
    }
}
