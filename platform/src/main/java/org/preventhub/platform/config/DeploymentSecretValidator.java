package org.preventhub.platform.config;

import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.quarkus.runtime.LaunchMode;

/** Checks a {@link DeploymentSecret}: present and not a demonstration value, except in the tests and dev mode. */
public class DeploymentSecretValidator implements ConstraintValidator<DeploymentSecret, Object> {

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (LaunchMode.current().isDevOrTest()) {
            return true;
        }
        String problem = problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem + "; {env} must be this deployment's own secret "
                + "(make one with `{make}`, keep it in a Kubernetes Secret or a key management service)")
                .addConstraintViolation();
        return false;
    }

    /** @return what is wrong with the value, or null when it is a secret of this deployment */
    static String problem(Object value) {
        if (value instanceof Optional<?> optional) {
            return problem(optional.orElse(null));
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "is not set";
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String problem = problem(entry.getValue());
                if (problem != null) {
                    return "entry " + entry.getKey() + " " + problem;
                }
            }
            return null;
        }
        if (value == null || value.toString().isBlank()) {
            return "is not set";
        }
        if (DemonstrationSecrets.isDemonstration(value.toString())) {
            return "is a demonstration value from the repository, which anyone can read";
        }
        return null;
    }
}
