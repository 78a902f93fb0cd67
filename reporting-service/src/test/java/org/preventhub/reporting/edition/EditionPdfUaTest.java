package org.preventhub.reporting.edition;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.preventhub.reporting.edition.EditionDtos.EditionContent;
import org.preventhub.reporting.edition.EditionDtos.ImageView;
import org.preventhub.reporting.edition.EditionDtos.SectionText;
import org.preventhub.reporting.indicator.ReportingPeriod;
import org.preventhub.reporting.report.PdfRenderer;
import org.preventhub.reporting.support.PdfUa;
import org.preventhub.reporting.support.Photos;

/**
 * An edition's PDF passes veraPDF's PDF/UA-1 check: a draft with a photo (a Figure, its alt text and caption), a
 * figure that has moved, a table, a quotation, a list and a link. (The API's PDF of an edition: EditionImagesTest.)
 */
class EditionPdfUaTest {

    @Test
    void anEditionsPdfWithAPhotoATableAndALinkPassesEveryPdfUa1Rule() {
        ImageCleaner.Clean photo = ImageCleaner.clean(Photos.jpegWithGps(64, 32, 6), ImageCleaner.JPEG, 40_000_000L, 20_000);
        UUID id = UUID.randomUUID();
        EditionImages.Stored stored = new EditionImages.Stored(new ImageView(id, photo.mediaType(), photo.width(),
                photo.height(), photo.bytes().length, "Game On: the theatre project's last day",
                "Year 9 pupils watching actors on a school hall stage", "{{image:" + id + "}}", Instant.now(), "lead"),
                photo.bytes());
        EditionContent content = new EditionContent("We received **{{referrals.received}}** referrals this year.\n\n"
                + "{{image:" + id + "}}\n\n| Quarter | Referrals |\n|---|---|\n| Q1 | 4 |\n| Q2 | 3 |\n\n"
                + "> Partners met every month.",
                List.of(new SectionText("Awareness, learning and development", "AWARENESS_LEARNING",
                        "Training went online: see [the Home Office's Prevent duty guidance](https://www.gov.uk/"
                                + "government/publications/prevent-duty-guidance).\n\n- WRAP\n- Prevent Update")),
                "A year of change: {{training.people-trained}} people trained.");

        String html = EditionHtml.render("Prevent annual report 2019/20", ReportingPeriod.reportingYear(2019), content,
                "DRAFT", r -> r.indicator().equals("referrals.received")
                        ? "<span class=\"figure moved\" title=\"Published as 40; now 41\">40</span>"
                        : "<span class=\"figure\">212</span>",
                Map.of(id, stored));

        PdfUa.assertConforms(new PdfRenderer().render(html), "an edition's PDF");
    }
}
