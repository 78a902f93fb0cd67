package org.preventhub.reporting.edition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Versions;
import org.preventhub.reporting.edition.EditionDtos.DraftInfo;
import org.preventhub.reporting.edition.EditionDtos.EditionContent;
import org.preventhub.reporting.edition.EditionDtos.EditionRequest;
import org.preventhub.reporting.edition.EditionDtos.EditionView;
import org.preventhub.reporting.edition.EditionDtos.MovedFigure;
import org.preventhub.reporting.edition.EditionDtos.SectionText;
import org.preventhub.reporting.indicator.ReportingPeriod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Report editions: drafts kept one per save; publishing freezes the figures the text references, for the lead and
 * for every other reader, so a published report reads the same however late data arrives.
 */
@ApplicationScoped
public class EditionService {

    private static final EditionContent EMPTY = new EditionContent("", List.of(), "");

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final CurrentUser user;
    private final FigureReferences figures;
    private final EditionImages images;

    public EditionService(AgroalDataSource dataSource, ObjectMapper mapper, CurrentUser user, FigureReferences figures,
            EditionImages images) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.user = user;
        this.figures = figures;
        this.images = images;
    }

    @Transactional
    public EditionView create(EditionRequest request) {
        UUID id = UUID.randomUUID();
        String calendar = request.calendar() == null ? "reporting" : request.calendar();
        update("INSERT INTO report_edition (id, title, year, calendar, latest_draft, version, created_at, created_by) "
                + "VALUES (?, ?, ?, ?, 1, 0, now(), ?)", id, request.title().strip(), request.year(), calendar, user.name());
        insertDraft(id, 1, EMPTY);
        return get(id).orElseThrow();
    }

    @Transactional
    public Optional<EditionView> saveDraft(UUID id, EditionContent content, Long expectedVersion) {
        return get(id).map(edition -> {
            Versions.check(expectedVersion, edition.version());
            if (edition.publishedDraft() != null) {
                throw ProblemException.conflict("edition-published", "This edition is published: its text and figures "
                        + "are frozen. Create a new edition to revise it.");
            }
            figures.validate("introduction", content.introduction());
            figures.validate("conclusion", content.conclusion());
            images.validate(id, "introduction", content.introduction());
            images.validate(id, "conclusion", content.conclusion());
            for (int i = 0; i < content.sectionList().size(); i++) {
                figures.validate("sections[" + i + "].markdown", content.sectionList().get(i).markdown());
                images.validate(id, "sections[" + i + "].markdown", content.sectionList().get(i).markdown());
            }
            int number = edition.latestDraft() + 1;
            insertDraft(id, number, content);
            update("UPDATE report_edition SET latest_draft = ?, version = version + 1 WHERE id = ?", number, id);
            return get(id).orElseThrow();
        });
    }

    @Transactional
    public Optional<EditionView> publish(UUID id, Long expectedVersion) {
        return get(id).map(edition -> {
            Versions.check(expectedVersion, edition.version());
            if (edition.publishedDraft() != null) {
                throw ProblemException.conflict("edition-published", "This edition is already published.");
            }
            Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
            for (FigureReferences.Reference r : references(draft(id, edition.latestDraft()).orElseThrow())) {
                frozen.computeIfAbsent(r.id(), k -> Map.of("lead", figures.live(r, edition.period()),
                        "reader", figures.forReaders(r, edition.period())));
            }
            update("UPDATE report_edition SET published_draft = latest_draft, published_at = now(), published_by = ?, "
                    + "frozen_figures = ?::jsonb, version = version + 1 WHERE id = ?", user.name(), json(frozen), id);
            return get(id).orElseThrow();
        });
    }

    @Transactional
    public Optional<EditionView> get(UUID id) {
        return one("SELECT title, year, calendar, latest_draft, published_draft, published_at, published_by, version "
                + "FROM report_edition WHERE id = ?", rs -> {
                    List<DraftInfo> drafts = list("SELECT number, saved_at, saved_by FROM report_edition_draft "
                            + "WHERE edition_id = ? ORDER BY number", r -> new DraftInfo(r.getInt(1),
                                    r.getTimestamp(2).toInstant(), r.getString(3)), id);
                    Timestamp published = rs.getTimestamp(6);
                    Integer publishedDraft = (Integer) rs.getObject(5);
                    return new EditionView(id, rs.getString(1), period(rs.getInt(2), rs.getString(3)),
                            publishedDraft == null ? "DRAFT" : "PUBLISHED", rs.getInt(4), publishedDraft,
                            published == null ? null : published.toInstant(), rs.getString(7), drafts, rs.getLong(8));
                }, id);
    }

    @Transactional
    public Optional<EditionContent> draft(UUID id, int number) {
        return one("SELECT content::text FROM report_edition_draft WHERE edition_id = ? AND number = ?",
                rs -> read(rs.getString(1), new TypeReference<EditionContent>() { }), id, number);
    }

    /** The edition as a Word document, with the figures its reader may see (frozen once published). */
    @Transactional
    public Optional<byte[]> word(UUID id) {
        return get(id).map(edition -> {
            boolean published = edition.publishedDraft() != null;
            EditionContent content = draft(id, published ? edition.publishedDraft() : edition.latestDraft()).orElseThrow();
            Map<String, Map<String, String>> frozen = published ? frozen(id) : Map.of();
            boolean lead = figures.seesSmallNumbers();
            return EditionWord.render(edition.title(), edition.period(), content, images.all(id), r -> published
                    ? frozen.getOrDefault(r.id(), Map.of()).getOrDefault(lead ? "lead" : "reader", "–")
                    : figures.live(r, edition.period()));
        });
    }

    /**
     * The edition as HTML: a draft with live figures; a published edition with its frozen figures, for the lead
     * marked where the figure has moved since.
     */
    @Transactional
    public Optional<String> html(UUID id) {
        return get(id).map(edition -> {
            boolean published = edition.publishedDraft() != null;
            EditionContent content = draft(id, published ? edition.publishedDraft() : edition.latestDraft()).orElseThrow();
            if (!published) {
                return EditionHtml.render(edition.title(), edition.period(), content, edition.status(),
                        r -> span(figures.live(r, edition.period()), null), images.all(id));
            }
            Map<String, Map<String, String>> frozen = frozen(id);
            boolean lead = figures.seesSmallNumbers();
            return EditionHtml.render(edition.title(), edition.period(), content, edition.status(), r -> {
                Map<String, String> kept = frozen.getOrDefault(r.id(), Map.of());
                String shown = kept.getOrDefault(lead ? "lead" : "reader", "–");
                String now = lead ? figures.live(r, edition.period()) : shown;
                return span(shown, now.equals(shown) ? null : now);
            }, images.all(id));
        });
    }

    /** The published figures that have moved since publication, for the lead. */
    @Transactional
    public Optional<List<MovedFigure>> moved(UUID id) {
        return get(id).map(edition -> {
            if (edition.publishedDraft() == null) {
                throw ProblemException.conflict("edition-not-published", "This edition is a draft: its figures are live.");
            }
            List<MovedFigure> moved = new ArrayList<>();
            for (FigureReferences.Reference r : references(draft(id, edition.publishedDraft()).orElseThrow())) {
                String published = frozen(id).getOrDefault(r.id(), Map.of()).getOrDefault("lead", "–");
                String now = figures.live(r, edition.period());
                if (!now.equals(published) && moved.stream().noneMatch(m -> m.reference().equals(r.id()))) {
                    moved.add(new MovedFigure(r.id(), published, now));
                }
            }
            return moved;
        });
    }

    private static String span(String figure, String movedTo) {
        return movedTo == null ? "<span class=\"figure\">" + EditionMarkdown.escape(figure) + "</span>"
                : "<span class=\"figure moved\" title=\"" + EditionMarkdown.escape("Published as " + figure + "; now "
                        + movedTo) + "\">" + EditionMarkdown.escape(figure) + "</span>";
    }

    private static List<FigureReferences.Reference> references(EditionContent content) {
        List<FigureReferences.Reference> all = new ArrayList<>(FigureReferences.in(content.introduction()));
        for (SectionText s : content.sectionList()) {
            all.addAll(FigureReferences.in(s.markdown()));
        }
        all.addAll(FigureReferences.in(content.conclusion()));
        return all;
    }

    private Map<String, Map<String, String>> frozen(UUID id) {
        return one("SELECT coalesce(frozen_figures, '{}'::jsonb)::text FROM report_edition WHERE id = ?",
                rs -> read(rs.getString(1), new TypeReference<Map<String, Map<String, String>>>() { }), id).orElse(Map.of());
    }

    static ReportingPeriod period(int year, String calendar) {
        return "statistical".equals(calendar) ? ReportingPeriod.statisticalYear(year) : ReportingPeriod.reportingYear(year);
    }

    private void insertDraft(UUID id, int number, EditionContent content) {
        update("INSERT INTO report_edition_draft (edition_id, number, content, saved_at, saved_by) VALUES (?, ?, ?::jsonb, now(), ?)",
                id, number, json(content), user.name());
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        List<T> rows = list(sql, row, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
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

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i] instanceof Instant at ? Timestamp.from(at) : args[i]);
        }
    }
}
