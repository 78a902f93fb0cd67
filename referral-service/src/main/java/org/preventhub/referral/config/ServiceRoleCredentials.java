package org.preventhub.referral.config;

import java.util.Map;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * The service always connects with its own role's credentials ({@code hub.referral.database.user} and
 * {@code .password}, i.e. REFERRAL_DB_USER and REFERRAL_DB_PASSWORD), whatever sets
 * {@code quarkus.datasource.username}: the suite's default is the schema owner, the local stack passes it to every
 * service as QUARKUS_DATASOURCE_USERNAME, and the test resource sets it with a high ordinal, each of which would
 * otherwise put this service on an account that can rewrite its access log. (SmallRye's own relocation would not
 * do: it lets the old name win from a higher-ordinal source.) Flyway has its own credentials: the owner's.
 */
@Priority(Priorities.APPLICATION)
public class ServiceRoleCredentials implements ConfigSourceInterceptor {

    private static final Map<String, String> OWN = Map.of(
            "quarkus.datasource.username", "hub.referral.database.user",
            "quarkus.datasource.password", "hub.referral.database.password");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        String own = OWN.get(name);
        if (own == null) {
            return context.proceed(name);
        }
        ConfigValue value = context.proceed(own);
        return value == null ? null : value.withName(name);
    }
}
