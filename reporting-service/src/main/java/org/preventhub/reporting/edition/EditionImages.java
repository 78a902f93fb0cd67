package org.preventhub.reporting.edition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.reporting.edition.EditionDtos.ImageView;

import io.agroal.api.AgroalDataSource;

/**
 * Photos of report editions: cleaned on the way in ({@link ImageCleaner}), never changed once stored, refused for a
 * published edition (its images are frozen with its text), and referenced from the Markdown as {@code {{image:id}}}.
 */
@ApplicationScoped
public class EditionImages {

    static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*image:([0-9a-fA-F-]{36})\\s*\\}\\}");
    private static final String COLUMNS = "id, media_type, width, height, octet_length(content), caption, alt_text, "
            + "uploaded_at, uploaded_by";

    /** An image with its bytes, for the documents. */
    record Stored(ImageView view, byte[] bytes) {
    }

    private final AgroalDataSource dataSource;
    private final CurrentUser user;
    private final ImageLimits limits;

    public EditionImages(AgroalDataSource dataSource, CurrentUser user, ImageLimits limits) {
        this.dataSource = dataSource;
        this.user = user;
        this.limits = limits;
    }

    int maxBytes() {
        return limits.maxBytes();
    }

    /** Empty when there is no such edition; 409 once it is published. */
    @Transactional
    public Optional<ImageView> upload(UUID edition, byte[] bytes, String contentType, String caption, String alt) {
        Optional<Boolean> published = query("SELECT published_draft IS NOT NULL FROM report_edition WHERE id = ? FOR UPDATE",
                rs -> rs.getBoolean(1), edition).stream().findFirst();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        if (published.get()) {
            throw ProblemException.conflict("edition-published", "This edition is published: its text and images are "
                    + "frozen. Create a new edition to revise it.");
        }
        long held = query("SELECT count(*) FROM report_edition_image WHERE edition_id = ?", rs -> rs.getLong(1), edition).get(0);
        if (held >= limits.perEdition()) {
            throw ProblemException.conflict("too-many-images", "An edition holds at most " + limits.perEdition() + " images.");
        }
        ImageCleaner.Clean clean = ImageCleaner.clean(bytes, contentType, limits.maxPixels(), limits.maxSide());
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO report_edition_image (id, edition_id, media_type, width, height, content, caption, alt_text, "
                        + "uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), ?)")) {
            s.setObject(1, id);
            s.setObject(2, edition);
            s.setString(3, clean.mediaType());
            s.setInt(4, clean.width());
            s.setInt(5, clean.height());
            s.setBytes(6, clean.bytes());
            s.setString(7, caption == null || caption.isBlank() ? null : caption.strip());
            s.setString(8, alt.strip());
            s.setString(9, user.name());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(query("SELECT " + COLUMNS + " FROM report_edition_image WHERE id = ?", EditionImages::view, id).get(0));
    }

    @Transactional
    public Optional<List<ImageView>> list(UUID edition) {
        if (query("SELECT 1 FROM report_edition WHERE id = ?", rs -> 1, edition).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(query("SELECT " + COLUMNS + " FROM report_edition_image WHERE edition_id = ? ORDER BY uploaded_at, id",
                EditionImages::view, edition));
    }

    @Transactional
    public Optional<Stored> content(UUID edition, UUID image) {
        return query("SELECT " + COLUMNS + ", content FROM report_edition_image WHERE edition_id = ? AND id = ?",
                rs -> new Stored(view(rs), rs.getBytes(10)), edition, image).stream().findFirst();
    }

    /** Every image of the edition, by id, for rendering it. */
    @Transactional
    public Map<UUID, Stored> all(UUID edition) {
        Map<UUID, Stored> all = new LinkedHashMap<>();
        query("SELECT " + COLUMNS + ", content FROM report_edition_image WHERE edition_id = ? ORDER BY uploaded_at, id",
                rs -> new Stored(view(rs), rs.getBytes(10)), edition).forEach(s -> all.put(s.view().id(), s));
        return all;
    }

    /** 400 naming {@code field} for a reference to no image of this edition, or one inside a paragraph's text. */
    void validate(UUID edition, String field, String markdown) {
        if (markdown == null || !markdown.contains("{{")) {
            return;
        }
        List<UUID> known = null;
        Matcher m = REFERENCE.matcher(markdown);
        while (m.find()) {
            if (known == null) {
                known = query("SELECT id FROM report_edition_image WHERE edition_id = ?", rs -> rs.getObject(1, UUID.class), edition);
            }
            UUID id = parse(m.group(1));
            if (id == null || !known.contains(id)) {
                throw ProblemException.invalidField(field, m.group() + " names no image of this edition");
            }
        }
        if (!EditionMarkdown.imagesStandAlone(markdown)) {
            throw ProblemException.invalidField(field, "an image reference {{image:id}} must be a paragraph of its own "
                    + "(a blank line before and after)");
        }
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ImageView view(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new ImageView(id, rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                "{{image:" + id + "}}", rs.getTimestamp(8).toInstant(), rs.getString(9));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
