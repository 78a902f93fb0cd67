package org.preventhub.platform.config;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Marks a configuration value (a {@code @ConfigMapping} method returning a {@code String}, an
 * {@code Optional<String>} or a map of them) as a secret each deployment must make for itself. Outside the tests
 * and dev mode the service refuses to start when it is missing or is one of the demonstration values the repository
 * ships (see {@link DemonstrationSecrets}), and says which variable to set and how to make a value. The check runs
 * while the configuration is read, before the service migrates its database or opens a port.
 */
@Documented
@Target(METHOD)
@Retention(RUNTIME)
@Constraint(validatedBy = DeploymentSecretValidator.class)
public @interface DeploymentSecret {

    /** The environment variable that sets it, e.g. {@code HUB_IDEMPOTENCY_SECRET}. */
    String env();

    /** How to make a value, e.g. {@code openssl rand -base64 32}. */
    String make() default "openssl rand -base64 32";

    String message() default "must be this deployment's own secret: set {env} (make one with `{make}`)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
