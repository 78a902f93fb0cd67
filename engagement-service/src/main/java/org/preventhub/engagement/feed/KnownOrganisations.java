package org.preventhub.engagement.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

/** The registered organisations, read once per import: checking a record never touches the database. */
record KnownOrganisations(Set<UUID> ids, Map<String, UUID> byName, Map<String, List<UUID>> byFoldedName) {

    static KnownOrganisations load(AgroalDataSource dataSource) {
        KnownOrganisations known = new KnownOrganisations(new HashSet<>(), new HashMap<>(), new HashMap<>());
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id, name FROM organisation");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                String name = rs.getString(2);
                known.ids().add(id);
                known.byName().put(name, id);
                known.byFoldedName().computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registered organisations", e);
        }
        return known;
    }

    /** By id, exact name, or a name that differs only in case when just one organisation has it. */
    UUID find(String reference) {
        try {
            UUID id = UUID.fromString(reference);
            return ids.contains(id) ? id : null;
        } catch (IllegalArgumentException notAnId) {
            // a name, then
        }
        UUID exact = byName.get(reference);
        if (exact != null) {
            return exact;
        }
        List<UUID> folded = byFoldedName.getOrDefault(reference.toLowerCase(Locale.ROOT), List.of());
        return folded.size() == 1 ? folded.get(0) : null;
    }
}
