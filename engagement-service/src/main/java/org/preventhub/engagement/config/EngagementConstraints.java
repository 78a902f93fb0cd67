package org.preventhub.engagement.config;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.problem.ConstraintProblems;
import org.preventhub.platform.problem.ProblemException;

@ApplicationScoped
public class EngagementConstraints implements ConstraintProblems {

    private static final Map<String, ProblemException> KNOWN = Map.of(
            "organisation_name_key", ProblemException.conflict("duplicate-organisation",
                    "An organisation with this name is registered already."));

    @Override
    public Optional<ProblemException> forConstraint(String constraintName) {
        return Optional.ofNullable(KNOWN.get(constraintName));
    }
}
