package org.preventhub.engagement.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;

import io.quarkus.panache.common.Sort;

/** A filtered, sorted, paged JPQL list: conditions are added only for the filters a caller gave. */
public final class ListQuery<E> {

    private final Class<E> entity;
    private final String alias;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private ListQuery(Class<E> entity, String alias) {
        this.entity = entity;
        this.alias = alias;
    }

    public static <E> ListQuery<E> of(Class<E> entity, String alias) {
        return new ListQuery<>(entity, alias);
    }

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is not null. */
    public ListQuery<E> when(Object value, String name, String condition) {
        if (value != null) {
            where.add(condition);
            params.put(name, value);
        }
        return this;
    }

    public <V> Page<V> page(EntityManager em, PageParams page, Map<String, String> sortable, String defaultOrder,
            String tiebreaker, Function<E, V> view) {
        String clause = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        Sort sort = page.toSort(sortable, defaultOrder, tiebreaker);
        StringBuilder order = new StringBuilder(" order by ");
        for (int i = 0; i < sort.getColumns().size(); i++) {
            Sort.Column column = sort.getColumns().get(i);
            order.append(i == 0 ? "" : ", ").append(alias).append('.').append(column.getName())
                    .append(column.getDirection() == Sort.Direction.Descending ? " desc" : "");
        }
        String from = " from " + entity.getSimpleName() + " " + alias + clause;
        TypedQuery<E> select = em.createQuery("select " + alias + from + order, entity);
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ")" + from, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<V> items = select.setFirstResult(page.page * page.size).setMaxResults(page.size).getResultList().stream()
                .map(view).toList();
        return Page.of(items, page, count.getSingleResult());
    }
}
