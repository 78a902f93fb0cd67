package org.preventhub.reporting.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.config.ReportingConfig;
import org.preventhub.reporting.indicator.ReportingPeriod;

@Path("/reports/annual")
@Tag(name = "Annual report", description = "The partnership's annual report, produced from its own records.")
@SecurityRequirement(name = "bearer")
public class ReportResource {

    private final AnnualReportService reports;
    private final PdfRenderer pdf;
    private final ReportingConfig config;

    public ReportResource(AnnualReportService reports, PdfRenderer pdf, ReportingConfig config) {
        this.reports = reports;
        this.pdf = pdf;
        this.config = config;
    }

    @GET
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "application/pdf" })
    @Operation(summary = "The annual report for a period",
            description = "One section per priority: its indicators with the previous period and targets, charts, and "
                    + "its recommended actions. JSON, HTML (inline SVG charts) or PDF, by the Accept header or "
                    + "format=json|html|pdf. The default period is the September–August reporting year of `year`; "
                    + "calendar=statistical gives April–March; from and to any range (figures about people referred "
                    + "are then withheld from every role but prevent-lead).")
    public Response annual(@QueryParam("year") @Parameter(example = "2019") Integer year,
            @QueryParam("calendar") @Parameter(example = "reporting") String calendar,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") @Parameter(description = "json, html or pdf; overrides Accept.") String format,
            @HeaderParam("Accept") String accept) {
        ReportingPeriod period = ReportingPeriod.parse(from, to, year, calendar, null, null);
        AnnualReport report = reports.build(period);
        String wanted = format != null ? format : accept == null ? "json"
                : accept.contains("application/pdf") ? "pdf" : accept.contains("text/html") ? "html" : "json";
        return switch (wanted) {
            case "pdf" -> Response.ok(pdf.render(ReportHtml.render(report, config.suppressBelow())), "application/pdf")
                    .header("Content-Disposition", "inline; filename=\"prevent-annual-report-" + period.from() + ".pdf\"")
                    .build();
            case "html" -> Response.ok(ReportHtml.render(report, config.suppressBelow()), "text/html; charset=utf-8").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }
}
