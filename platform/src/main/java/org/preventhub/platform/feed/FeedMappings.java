package org.preventhub.platform.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.agroal.api.AgroalDataSource;

/**
 * Each source system's own codes (a council's codes for areas, courses, event types) and the service's code
 * for each. Maintained by the Prevent team; a record with an unmapped code is rejected, never guessed.
 */
@ApplicationScoped
public class FeedMappings {

    @Schema(description = "One source system's code and the service's code for it.")
    public record Mapping(
            @Schema(maxLength = 100, example = "warwick-district-council") String source,
            @Schema(maxLength = 60, example = "area") String kind,
            @Schema(maxLength = 200, example = "WDC-LEAM") String externalCode,
            @Schema(maxLength = 200, example = "warwick") String internalCode) {
    }

    private final AgroalDataSource dataSource;

    FeedMappings(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** kind → (external code → internal code), for one source. */
    Map<String, Map<String, String>> load(String source) throws SQLException {
        Map<String, Map<String, String>> byKind = new HashMap<>();
        for (Mapping mapping : list(source)) {
            byKind.computeIfAbsent(mapping.kind(), k -> new HashMap<>()).put(mapping.externalCode(),
            mapping.internalCode());
        }
        return byKind;
    }

    public List<Mapping> list(String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT source, kind, external_code, internal_code FROM feed_code_mapping
                        WHERE (? IS NULL OR source = ?) ORDER BY source, kind, external_code""")) {
            select.setString(1, source);
            select.setString(2, source);
            List<Mapping> mappings = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    mappings.add(new Mapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return mappings;
        }
    }

    /**
     * One page of one source's mappings (every source's when {@code source} is null).
     *
     * @param orderBy SQL column names chosen from a fixed list by the caller, never from the request
     */
    public List<Mapping> list(String source, List<String> orderBy, int page, int size) throws SQLException {
        String order = String.join(", ", orderBy);
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT source, kind, external_code, internal_code FROM feed_code_mapping
                        WHERE (? IS NULL OR source = ?) ORDER BY %s, source, kind, external_code
                        LIMIT ? OFFSET ?""".formatted(order.isEmpty() ? "source" : order))) {
            select.setString(1, source);
            select.setString(2, source);
            select.setInt(3, size);
            select.setLong(4, (long) page * size);
            List<Mapping> mappings = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    mappings.add(new Mapping(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return mappings;
        }
    }

    public long count(String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT count(*) FROM feed_code_mapping WHERE (? IS NULL OR source = ?)")) {
            select.setString(1, source);
            select.setString(2, source);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public void put(Mapping mapping, String updatedBy) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO feed_code_mapping (source, kind, external_code, internal_code, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, now())
                        ON CONFLICT (source, kind, external_code) DO UPDATE
                        SET internal_code = excluded.internal_code, updated_by = excluded.updated_by,
                            updated_at = excluded.updated_at""")) {
            upsert.setString(1, mapping.source());
            upsert.setString(2, mapping.kind());
            upsert.setString(3, mapping.externalCode());
            upsert.setString(4, mapping.internalCode());
            upsert.setString(5, updatedBy);
            upsert.executeUpdate();
        }
    }

    public boolean delete(String source, String kind, String externalCode) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM feed_code_mapping WHERE source = ? AND kind = ? AND external_code = ?")) {
            delete.setString(1, source);
            delete.setString(2, kind);
            delete.setString(3, externalCode);
            return delete.executeUpdate() == 1;
        }
    }
}
