package org.preventhub.referral.referral;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public class ReferralFilter {

    @QueryParam("status")
    public ReferralStatus status;

    @QueryParam("area")
    public String area;

    @QueryParam("concernType")
    public String concernType;

    @QueryParam("from")
    @Parameter(description = "Received on or after this day.", example = "2019-04-01")
    @PlausibleDate(Kind.FILTER)
    public LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Received on or before this day.", example = "2020-03-31")
    @PlausibleDate(Kind.FILTER)
    public LocalDate to;
}
