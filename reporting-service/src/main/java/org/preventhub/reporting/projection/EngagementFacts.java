package org.preventhub.reporting.projection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The engagement service's events as facts: community events and communications. */
final class EngagementFacts {

    record EngagementRow(boolean communication, Object[] params) {
    }

    private EngagementFacts() {
    }

    static List<EngagementRow> rows(String type, JsonNode data, Timestamp at) {
        if (type.startsWith("engagement.communication.")) {
            JsonNode c = data.has("communication") ? data.get("communication") : data;
            return List.of(new EngagementRow(true, new Object[] { id(c, "communicationId"), Projector.text(c, "title"),
                    Projector.text(c, "channel"), Projector.text(c, "audience"), Projector.text(c, "priority"),
                    Projector.date(c, firstPresent(c, "publishedOn", "date")), Projector.integer(c, "reach"),
                    c.has("incidentResponse") ? c.get("incidentResponse").asBoolean() : null, at }));
        }
        if (type.startsWith("engagement.event.")) {
            JsonNode e = data.has("event") ? data.get("event") : data;
            List<LocalDate> dates = new ArrayList<>();
            JsonNode days = e.get("dates");
            if (days != null && days.isArray()) {
                days.forEach(day -> dates.add(LocalDate.parse(day.asText())));
            }
            dates.sort(null);
            List<String> partnerTypes = new ArrayList<>();
            JsonNode partners = e.has("partnerTypes") ? e.get("partnerTypes") : e.get("partners");
            if (partners != null && partners.isArray()) {
                partners.forEach(p -> partnerTypes.add(p.isTextual() ? p.asText() : Projector.text(p, "type")));
            }
            return List.of(new EngagementRow(false, new Object[] { id(e, "eventId"), Projector.text(e, "title"),
                    Projector.text(e, "type"), Projector.text(e, "status"), Projector.text(e, "area"),
                    Projector.text(e, "priority"), Projector.text(e, "audience"), Projector.text(e, "mode"),
                    dates.isEmpty() ? null : Date.valueOf(dates.get(0)),
                    dates.isEmpty() ? null : Date.valueOf(dates.get(dates.size() - 1)), dates.size(),
                    Projector.integer(e, "attendance"), partnerTypes.stream().filter(t -> t != null).toArray(String[]::new), at }));
        }
        return List.of();
    }

    private static String id(JsonNode node, String field) {
        return Projector.requiredText(node, node.has(field) ? field : "id");
    }

    private static String firstPresent(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.has(field)) {
                return field;
            }
        }
        return fields[0];
    }
}
