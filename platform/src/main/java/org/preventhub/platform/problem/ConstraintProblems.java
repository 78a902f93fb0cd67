package org.preventhub.platform.problem;

import java.util.Optional;

/**
 * Lets a service say what a database constraint violation means to the caller
 * (e.g. {@code course_code_key} means "a course with this code already exists"). Implement it as a CDI bean;
 * unknown constraints answer a generic 409 that names no column and no value.
 */
public interface ConstraintProblems {

    Optional<ProblemException> forConstraint(String constraintName);
}
