package org.preventhub.reporting.projection;

import java.io.IOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * How reporting reads one event type: the {@code contracts} record its data binds to, and the fact rows made from
 * it. A type with no payload is one reporting keeps no fact of (it is still recorded as processed).
 */
record EventMapping<T>(Class<T> payload, BiFunction<T, EventTime, List<Fact.Row>> rows) {

    /** When the event happened, and the partnership's time zone to turn instants into days. */
    record EventTime(Instant time, ZoneId zone) {

        Timestamp at() {
            return Timestamp.from(time);
        }

        /** The day of the event itself. */
        Date day() {
            return day(time);
        }

        /** The day, in the partnership's time zone, of an instant. */
        Date day(Instant instant) {
            return Date.valueOf(LocalDate.ofInstant(instant, zone));
        }
    }

    static <T> EventMapping<T> of(Class<T> payload, BiFunction<T, EventTime, List<Fact.Row>> rows) {
        return new EventMapping<>(payload, rows);
    }

    static EventMapping<Void> ignored() {
        return new EventMapping<>(null, (nothing, time) -> List.of());
    }

    boolean projected() {
        return payload != null;
    }

    /**
     * Binds the data to the contract record with {@code reader} (which ignores unknown fields) and makes its rows.
     *
     * @throws IllegalArgumentException when the data does not fit the record or lacks what a fact needs
     */
    List<Fact.Row> project(ObjectReader reader, JsonNode data, EventTime time) {
        if (!projected()) {
            return List.of();
        }
        T value;
        try {
            value = reader.forType(payload).readValue(data);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new IllegalArgumentException((path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("the data does not fit " + payload.getSimpleName());
        }
        return rows.apply(value, time);
    }

    /** A value a fact cannot do without: {@code what} names it in the dead letter's reason. */
    static <V> V required(V value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + what);
        }
        return value;
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
