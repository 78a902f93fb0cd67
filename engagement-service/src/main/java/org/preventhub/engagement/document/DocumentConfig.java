package org.preventhub.engagement.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hub.engagement.documents")
public interface DocumentConfig {

    /** Document types every deployment has. */
    @WithDefault("CTLP,CTLP_UPDATE,LOCAL_AREA_PREVENT_ASSESSMENT,TERMS_OF_REFERENCE,ACTION_PLAN,SELF_ASSESSMENT,OTHER")
    List<String> types();

    /** A deployment's own document types (HUB_ENGAGEMENT_DOCUMENTS_EXTRA_TYPES). */
    Optional<List<String>> extraTypes();

    /**
     * Per protective marking, the roles that may read documents so marked; the markings themselves are this map's
     * keys, so a deployment adds one (e.g. SECRET for no one) by configuration.
     */
    Map<String, List<String>> readers();

    /** The largest file accepted, in bytes. */
    @WithDefault("20971520")
    long maxFileBytes();
}
