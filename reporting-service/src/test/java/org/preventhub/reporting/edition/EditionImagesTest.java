package org.preventhub.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.reporting.support.ReportingApi.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.junit.jupiter.api.Test;
import org.preventhub.platform.security.Roles;
import org.preventhub.reporting.support.PdfUa;
import org.preventhub.reporting.support.Photos;
import org.preventhub.reporting.support.TaggedPdf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The lead's photos of community events in a report edition: stored without where and with what they were taken,
 * shown as figures with caption and alt text in HTML, PDF and Word, for analysts too, frozen with a published
 * edition; bad files are problems, never stored.
 */
@QuarkusTest
class EditionImagesTest {

    private static final String ALT = "Year 9 pupils watching actors on a school hall stage";
    private static final String CAPTION = "Game On: the theatre project's last day";

    @Test
    void aPhotoKeepsNoLocationOrCameraAndIsShownAsAFigureInEveryFormatUntilAndAfterPublication() throws IOException {
        String id = anEdition();
        byte[] phone = Photos.jpegWithGps(64, 32, 6); // a phone's portrait photo, stored sideways with orientation 6
        assertThat(Photos.contains(phone, "Exif")).isTrue();
        assertThat(Photos.contains(phone, Photos.CAMERA)).isTrue();

        var uploaded = upload(id, phone, "image/jpeg", ALT, CAPTION).then().statusCode(201).extract();
        JsonPath image = uploaded.jsonPath();
        String imageId = image.getString("id");
        assertThat(uploaded.header("Location")).endsWith("/report-editions/" + id + "/images/" + imageId);
        assertThat(image.getString("reference")).isEqualTo("{{image:" + imageId + "}}");
        assertThat(List.of(image.getInt("width"), image.getInt("height"))).as("turned upright").containsExactly(32, 64);

        byte[] stored = as(Roles.ANALYST).get("/report-editions/" + id + "/images/" + imageId).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertNoMetadata(stored);
        assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getHeight()).isEqualTo(64);

        byte[] png = Photos.pngWithText(40, 30);
        assertThat(Photos.pngChunks(png)).contains("tEXt", "iTXt");
        String pngId = upload(id, png, "image/png", "The community forum's poster", null).then().statusCode(201)
                .extract().path("id");
        byte[] storedPng = as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/images/" + pngId).then().statusCode(200)
                .extract().asByteArray();
        assertThat(Photos.pngChunks(storedPng)).doesNotContain("tEXt", "iTXt", "zTXt", "eXIf").contains("IHDR", "IDAT");
        assertThat(Photos.contains(storedPng, Photos.PLACE)).isFalse();
        assertThat(as(Roles.ANALYST).get("/report-editions/" + id + "/images").then().statusCode(200).extract().jsonPath()
                .getList("id")).containsExactly(imageId, pngId);

        as(Roles.PREVENT_LEAD).body(Map.of("introduction", "The year in pictures.\n\n{{image:" + imageId + "}}\n\nMore text.",
                "sections", List.of(Map.of("heading", "Community and voluntary sector engagement",
                        "markdown", "{{ image:" + pngId + " }}"))))
                .put("/report-editions/" + id + "/draft").then().statusCode(200);

        for (String role : List.of(Roles.PREVENT_LEAD, Roles.ANALYST)) {
            String html = as(role).get("/report-editions/" + id + "/document").then().statusCode(200).extract().asString();
            assertThat(html).contains("<figure class=\"photo\"><img src=\"data:image/jpeg;base64,", "alt=\"" + ALT + "\"",
                    "<figcaption>" + CAPTION + "</figcaption></figure>", "alt=\"The community forum's poster\"",
                    "<p>The year in pictures.</p>\n<figure").doesNotContain("{{image", "<p><figure");
            Matcher data = Pattern.compile("data:image/jpeg;base64,([A-Za-z0-9+/=]+)").matcher(html);
            assertThat(data.find()).isTrue();
            assertThat(Base64.getDecoder().decode(data.group(1))).as("the page carries the stripped file").isEqualTo(stored);
        }

        byte[] pdf = as(Roles.ANALYST).get("/report-editions/" + id + "/document?format=pdf").then().statusCode(200)
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            long images = 0;
            for (var page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
                }
            }
            assertThat(images).as("both photos printed").isEqualTo(2);
        }
        TaggedPdf.Found tagged = TaggedPdf.assertTaggedForScreenReaders(pdf, "Prevent annual report 2019/20");
        assertThat(tagged.structureTypes()).contains("Document", "Sect", "Figure");
        assertThat(tagged.figureAlts()).as("each photo's alt text on its Figure").contains(ALT, "The community forum's poster");
        assertThat(tagged.text()).as("the edition's words can be extracted").contains(CAPTION, "The year in pictures.");
        PdfUa.assertConforms(pdf, "the edition's PDF, two photos placed");
        try (XWPFDocument word = new XWPFDocument(as(Roles.ANALYST).get("/report-editions/" + id + "/document?format=docx")
                .then().statusCode(200).extract().asInputStream())) {
            List<XWPFPicture> pictures = word.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .flatMap(r -> r.getEmbeddedPictures().stream()).toList();
            assertThat(pictures).hasSize(2);
            assertThat(pictures.get(0).getDescription()).isEqualTo(ALT);
            assertNoMetadata(pictures.get(0).getPictureData().getData());
            assertThat(word.getParagraphs().stream().filter(p -> "Caption".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)).containsExactly(CAPTION);
            assertThat(word.getParagraphs().stream().map(XWPFParagraph::getText)).noneMatch(t -> t.contains("{{image"));
        }

        as(Roles.PREVENT_LEAD).post("/report-editions/" + id + "/publish").then().statusCode(200);
        upload(id, Photos.jpegWithGps(20, 20, 1), "image/jpeg", ALT, null).then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(as(Roles.ANALYST).get("/report-editions/" + id + "/document").then().statusCode(200).extract().asString())
                .contains("alt=\"" + ALT + "\"");
    }

    @Test
    void aFileThatIsNotAWholeModestPngOrJpegIsAProblemAndNothingIsStored() {
        String id = anEdition();
        byte[] jpeg = Photos.jpegWithGps(48, 48, 1);
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        problem(upload(id, gif, "image/png", ALT, null), 415);
        problem(upload(id, jpeg, "image/png", ALT, null), 415);
        problem(upload(id, jpeg, "image/gif", ALT, null), 415);
        problem(upload(id, Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg", ALT, null), 400);
        problem(upload(id, Arrays.copyOf(Photos.pngWithText(40, 40), 120), "image/png", ALT, null), 400);
        problem(upload(id, Photos.pngDeclaring(60_000, 60_000), "image/png", ALT, null), 413);
        byte[] huge = Arrays.copyOf(jpeg, 5 * 1024 * 1024 + 1);
        problem(upload(id, huge, "image/jpeg", ALT, null), 413);
        problem(upload(id, jpeg, "image/jpeg", " ", null), 400);
        problem(upload(id, jpeg, "image/jpeg", "x".repeat(501), null), 400);
        upload(id, jpeg, "image/jpeg", ALT, null, Roles.ANALYST).then().statusCode(403);
        problem(upload(java.util.UUID.randomUUID().toString(), jpeg, "image/jpeg", ALT, null), 404);
        assertThat(as(Roles.PREVENT_LEAD).get("/report-editions/" + id + "/images").then().statusCode(200).extract()
                .jsonPath().getList("")).isEmpty();

        String imageId = upload(id, jpeg, "image/jpeg", ALT, null).then().statusCode(201).extract().path("id");
        problem(as(Roles.PREVENT_LEAD).body(Map.of("introduction", "{{image:" + java.util.UUID.randomUUID() + "}}"))
                .put("/report-editions/" + id + "/draft"), 400);
        problem(as(Roles.PREVENT_LEAD).body(Map.of("introduction", "Look: {{image:" + imageId + "}} in a sentence."))
                .put("/report-editions/" + id + "/draft"), 400);
        String other = anEdition();
        problem(as(Roles.PREVENT_LEAD).body(Map.of("introduction", "{{image:" + imageId + "}}"))
                .put("/report-editions/" + other + "/draft"), 400);
        as(Roles.PREVENT_LEAD).get("/report-editions/" + other + "/images/" + imageId).then().statusCode(404);
    }

    private static void assertNoMetadata(byte[] jpeg) {
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(Photos.jpegMarkers(jpeg)).as("no APP1..APP15 segments (EXIF, XMP, IPTC)")
                .noneMatch(m -> m >= 0xE1 && m <= 0xEF);
        for (String trace : List.of("Exif", Photos.CAMERA, "Model 7 Pro", "ns.adobe.com", Photos.PLACE)) {
            assertThat(Photos.contains(jpeg, trace)).as(trace).isFalse();
        }
    }

    private static void problem(io.restassured.response.Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json");
    }

    private static String anEdition() {
        return as(Roles.PREVENT_LEAD).body(Map.of("title", "Prevent annual report 2019/20", "year", 2019))
                .post("/report-editions").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.Response upload(String edition, byte[] bytes, String type, String alt,
            String caption) {
        return upload(edition, bytes, type, alt, caption, Roles.PREVENT_LEAD);
    }

    private static io.restassured.response.Response upload(String edition, byte[] bytes, String type, String alt,
            String caption, String role) {
        RequestSpecification request = as(role).contentType(type).body(bytes).queryParam("alt", alt);
        if (caption != null) {
            request.queryParam("caption", caption);
        }
        return request.post("/report-editions/" + edition + "/images");
    }
}
