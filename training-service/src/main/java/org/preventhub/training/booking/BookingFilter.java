package org.preventhub.training.booking;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

public class BookingFilter {

    @QueryParam("session")
    @Parameter(description = "Session id.")
    public UUID session;

    @QueryParam("status")
    public BookingStatus status;

    @QueryParam("email")
    @Parameter(description = "The attendee's email (staff only).")
    public String email;
}
