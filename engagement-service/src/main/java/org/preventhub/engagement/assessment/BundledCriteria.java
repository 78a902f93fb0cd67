package org.preventhub.engagement.assessment;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.preventhub.engagement.assessment.AssessmentDtos.CriteriaLoaded;
import org.preventhub.engagement.assessment.AssessmentDtos.CriteriaRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the Home Office toolkit's criteria shipped with the service when that framework has none yet, so a new
 * deployment can assess itself at once; a deployment replaces them with {@code PUT /assessments/frameworks/{f}/criteria}
 * (the same JSON), and they are never loaded over its own.
 */
@ApplicationScoped
class BundledCriteria {

    private static final Logger LOG = Logger.getLogger(BundledCriteria.class);
    static final String RESOURCE = "assessment/home-office-prevent-toolkit.json";

    void onStart(@Observes StartupEvent start, AssessmentConfig config, AssessmentService assessments, ObjectMapper mapper) {
        if (!config.loadBundledCriteria() || assessments.hasCriteria(AssessmentConfig.BUNDLED_FRAMEWORK)) {
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            CriteriaLoaded loaded = assessments.load(AssessmentConfig.BUNDLED_FRAMEWORK, mapper.readValue(in, CriteriaRequest.class));
            LOG.infof("Loaded %d criteria of %s", loaded.created(), loaded.framework());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }
}
