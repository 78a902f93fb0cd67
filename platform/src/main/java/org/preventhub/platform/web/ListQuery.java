package org.preventhub.platform.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.panache.common.Sort;

/**
 * The one way a list endpoint pages: a filtered, sorted query whose conditions are added only for the filters a
 * caller gave, counted with the same conditions, and cut to the caller's page. JPQL by default; SQL
 * ({@link #sql}) where a condition needs columns or tables no entity maps.
 */
public final class ListQuery<E> {

    private final Class<E> entity;
    private final String from;
    private final String alias;
    private final boolean sql;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private ListQuery(Class<E> entity, String from, String alias, boolean sql) {
        this.entity = entity;
        this.from = from;
        this.alias = alias;
        this.sql = sql;
    }

    /** A JPQL list of {@code entity}, its conditions and sort columns naming attributes of {@code alias}. */
    public static <E> ListQuery<E> of(Class<E> entity, String alias) {
        return new ListQuery<>(entity, entity.getSimpleName(), alias, false);
    }

    /** An SQL list of the rows of {@code table} mapped to {@code entity}; conditions and sort name columns. */
    public static <E> ListQuery<E> sql(Class<E> entity, String table, String alias) {
        return new ListQuery<>(entity, table, alias, true);
    }

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null. */
    public ListQuery<E> when(Object value, String name, String condition) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition} with the parameters it names, always (an access scope, say). */
    public ListQuery<E> where(String condition, Map<String, ?> parameters) {
        where.add(condition);
        params.putAll(parameters);
        return this;
    }

    /** Sorted as the caller asked ({@code sort=field,desc}) among {@code sortable}, then by {@code tiebreaker}. */
    public <V> Page<V> page(EntityManager em, PageParams page, Map<String, String> sortable, String defaultOrder,
            String tiebreaker, Function<E, V> view) {
        return page(em, page, page.toSort(sortable, defaultOrder, tiebreaker), view);
    }

    public <V> Page<V> page(EntityManager em, PageParams page, Sort sort, Function<E, V> view) {
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        StringBuilder order = new StringBuilder(" order by ");
        for (int i = 0; i < sort.getColumns().size(); i++) {
            Sort.Column column = sort.getColumns().get(i);
            order.append(i == 0 ? "" : ", ").append(alias).append('.').append(column.getName())
                    .append(column.getDirection() == Sort.Direction.Descending ? " desc" : "");
        }
        String rows = " from " + from + " " + alias + clause;
        Query select = sql ? em.createNativeQuery("select " + alias + ".*" + rows + order, entity)
                : em.createQuery("select " + alias + rows + order, entity);
        Query count = sql ? em.createNativeQuery("select count(*)" + rows)
                : em.createQuery("select count(" + alias + ")" + rows, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<E> found = select.setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList();
        // Mapped in order, one by one: a view may log each read.
        List<V> items = new ArrayList<>(found.size());
        for (E row : found) {
            items.add(view.apply(row));
        }
        return Page.of(items, page, ((Number) count.getSingleResult()).longValue());
    }
}
