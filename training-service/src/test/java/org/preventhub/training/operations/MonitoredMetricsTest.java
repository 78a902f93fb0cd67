package org.preventhub.training.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preventhub.training.support.TrainingApi.asTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.preventhub.testing.ManagementInterface;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The alerts and the dashboard shipped in deploy/kubernetes watch series this service really exports: every HTTP
 * and outbox metric they name is in its /q/metrics (the p99 needs the latency buckets, the backlog alert its age).
 */
@QuarkusTest
class MonitoredMetricsTest {

    private static final Path MONITORING = Path.of("../deploy/kubernetes/base/monitoring");
    private static final Pattern SERVICE_METRIC = Pattern.compile("\\b((?:http_server_requests|outbox)_[a-z_]+)");

    @Test
    void everyHttpAndOutboxMetricTheAlertsAndDashboardUseIsExported() throws IOException {
        asTrainer().get("/courses").then().statusCode(200);
        String scrape = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();

        Set<String> used = new TreeSet<>();
        Matcher m = SERVICE_METRIC.matcher(Files.readString(MONITORING.resolve("alert-rules.yaml"))
                + Files.readString(MONITORING.resolve("grafana-dashboard.json")));
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).contains("http_server_requests_seconds_bucket", "outbox_backlog_age_seconds");
        for (String metric : used) {
            assertThat(Pattern.compile("(?m)^" + metric + "[{ ]").matcher(scrape).find())
                    .as(metric + " in training-service's /q/metrics").isTrue();
        }
    }
}
