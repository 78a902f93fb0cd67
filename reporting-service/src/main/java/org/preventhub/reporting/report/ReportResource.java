package org.preventhub.reporting.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.config.ReportingConfig;
import org.preventhub.reporting.indicator.CsvExport;
import org.preventhub.reporting.indicator.ReportingPeriod;

@Path("/reports")
@Tag(name = "Annual report", description = "The partnership's annual report, produced from its own records.")
public class ReportResource {

    /** The bound the document states for a rendered file (OpenAPI wants every string bounded); far above a real one. */
    private static final int RENDERED_MAX = 50_000_000;

    private final AnnualReportService reports;
    private final PdfRenderer pdf;
    private final ReportingConfig config;
    private final HomeOfficeReturn homeOffice;
    private final CsvExport csv;

    public ReportResource(AnnualReportService reports, PdfRenderer pdf, ReportingConfig config,
            HomeOfficeReturn homeOffice, CsvExport csv) {
        this.reports = reports;
        this.pdf = pdf;
        this.config = config;
        this.homeOffice = homeOffice;
        this.csv = csv;
    }

    @GET
    @Path("/home-office")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "The Home Office's tables for a statistical year",
            description = "The tables of the Home Office's release on individuals referred to Prevent, for the April–March "
                    + "year starting in `year`: referrals received, discussed at a Channel panel and adopted (of those "
                    + "received in the year), in total, by the Home Office's type of concern and age group, gender, "
                    + "referring sector and area, and type of concern crossed with age group, gender and sector. JSON, or "
                    + "CSV with Accept: text/csv. Disclosure-controlled for every role but prevent-lead, as every figure.")
    @APIResponse(responseCode = "200", description = "The tables.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HomeOfficeReturn.Return.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, maxLength = RENDERED_MAX)) })
    public Response homeOffice(@QueryParam("year") @Parameter(example = "2019", required = true) @NotNull
            @Min(2000) @Max(2100) Integer year, @HeaderParam("Accept") String accept) {
        HomeOfficeReturn.Return tables = homeOffice.of(year);
        if (accept != null && accept.contains("text/csv")) {
            return Response.ok(csv.of(tables.tables()), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"prevent-home-office-" + year + ".csv\"").build();
        }
        return Response.ok(tables, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/annual")
    @RolesAllowed({ Roles.PREVENT_LEAD, Roles.ANALYST, Roles.ADMIN })
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "application/pdf" })
    @Operation(summary = "The annual report for a period",
            description = "One section per priority: its indicators with the previous period and targets, charts, and "
                    + "its recommended actions. JSON, HTML (inline SVG charts) or PDF, by the Accept header or "
                    + "format=json|html|pdf. The default period is the September–August reporting year of `year`; "
                    + "calendar=statistical gives April–March; from and to any range (figures about people referred "
                    + "are then withheld from every role but prevent-lead).")
    @APIResponse(responseCode = "200", description = "The report.", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnnualReport.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, maxLength = RENDERED_MAX)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = RENDERED_MAX)) })
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
