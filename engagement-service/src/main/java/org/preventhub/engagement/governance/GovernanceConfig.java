package org.preventhub.engagement.governance;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The kinds of governance body and the roles of their members; a deployment may replace either list. The Channel
 * Panel is a body here for its standing membership and their training (competency); its monthly meetings, with the
 * cases they discuss, stay in referral-service.
 */
@ConfigMapping(prefix = "hub.engagement.governance")
public interface GovernanceConfig {

    @WithDefault("STRATEGY_GROUP,CHANNEL_PANEL,REGIONAL_WORKING_GROUP,CHANNEL_CHAIRS_GROUP,OTHER")
    List<String> bodyKinds();

    @WithDefault("CHAIR,VICE_CHAIR,MEMBER,ADVISER,COMMUNITY_REPRESENTATIVE,SECRETARIAT")
    List<String> memberRoles();
}
