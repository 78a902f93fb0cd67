package org.preventhub.reporting.indicator;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/** The {@code indicator} table. */
@ApplicationScoped
public class IndicatorRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public IndicatorRepository(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public List<IndicatorDefinition> all() {
        return query("SELECT * FROM indicator ORDER BY priority, display_order, id");
    }

    public List<IndicatorDefinition> forPriority(String priority) {
        return query("SELECT * FROM indicator WHERE priority = ? ORDER BY display_order, id", priority);
    }

    public Optional<IndicatorDefinition> find(String id) {
        return query("SELECT * FROM indicator WHERE id = ?", id).stream().findFirst();
    }

    /** Inserts or replaces; {@code expectedVersion} (when given) must match the stored version. */
    public boolean save(IndicatorDefinition d, Long expectedVersion, String by) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO indicator (id, name, priority, description, fact, date_column, measure, filters,
                            denominator_measure, denominator_filters, unit, direction, target, target_comparison,
                            breakdowns, about_people_referred, display_order, version, updated_at, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 0, now(), ?)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, priority = excluded.priority,
                            description = excluded.description, fact = excluded.fact, date_column = excluded.date_column,
                            measure = excluded.measure, filters = excluded.filters,
                            denominator_measure = excluded.denominator_measure,
                            denominator_filters = excluded.denominator_filters, unit = excluded.unit,
                            direction = excluded.direction, target = excluded.target,
                            target_comparison = excluded.target_comparison, breakdowns = excluded.breakdowns,
                            about_people_referred = excluded.about_people_referred,
                            display_order = excluded.display_order, version = indicator.version + 1,
                            updated_at = now(), updated_by = excluded.updated_by
                        WHERE ?::bigint IS NULL OR indicator.version = ?::bigint""")) {
            int i = 1;
            upsert.setString(i++, d.id());
            upsert.setString(i++, d.name());
            upsert.setString(i++, d.priority());
            upsert.setString(i++, d.description());
            upsert.setString(i++, d.fact());
            upsert.setString(i++, d.dateColumn());
            upsert.setString(i++, d.measure());
            upsert.setString(i++, json(d.filters()));
            upsert.setString(i++, d.denominatorMeasure());
            upsert.setString(i++, d.denominatorFilters() == null ? null : json(d.denominatorFilters()));
            upsert.setString(i++, d.unit());
            upsert.setString(i++, d.direction());
            upsert.setBigDecimal(i++, d.target());
            upsert.setString(i++, d.targetComparison());
            upsert.setArray(i++, c.createArrayOf("text", d.breakdowns().toArray()));
            upsert.setBoolean(i++, d.countsPeopleReferred());
            upsert.setInt(i++, d.displayOrder());
            upsert.setString(i++, by);
            upsert.setObject(i++, expectedVersion);
            upsert.setObject(i, expectedVersion);
            return upsert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean delete(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM indicator WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<IndicatorDefinition> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            List<IndicatorDefinition> list = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    list.add(map(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private IndicatorDefinition map(ResultSet rs) throws SQLException {
        Array breakdowns = rs.getArray("breakdowns");
        BigDecimal target = rs.getBigDecimal("target");
        return new IndicatorDefinition(rs.getString("id"), rs.getString("name"), rs.getString("priority"),
                rs.getString("description"), rs.getString("fact"), rs.getString("date_column"), rs.getString("measure"),
                parse(rs.getString("filters")), rs.getString("denominator_measure"),
                rs.getString("denominator_filters") == null ? null : parse(rs.getString("denominator_filters")),
                rs.getString("unit"), rs.getString("direction"), target == null ? null : target.stripTrailingZeros(),
                rs.getString("target_comparison"),
                breakdowns == null ? List.of() : Arrays.asList((String[]) breakdowns.getArray()),
                rs.getBoolean("about_people_referred"), rs.getInt("display_order"), rs.getLong("version"));
    }

    private Map<String, Object> parse(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
