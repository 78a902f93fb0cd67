package org.preventhub.training.trainee;

/**
 * Who a booking or a mark of the register is about, as the service holds it encrypted; all null once erased (by
 * request or by the retention rule).
 *
 * @param email lower case
 */
public record Trainee(String name, String email, String organisation, String jobRole) {

    public static final Trainee ERASED = new Trainee(null, null, null, null);
}
