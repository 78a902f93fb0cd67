package org.preventhub.referral.referral;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/**
 * One page of referrals. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}) whose
 * lines are summaries for those who may see personal data, status only for the referring agency.
 */
@Schema(name = "ReferralPage", description = "One page of referrals.")
abstract class ReferralPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<Line> items;

    /**
     * The views of a referral are told apart by {@code view}, one value each: without it every answer matches each
     * {@code oneOf} alternative (their fields are optional) and a generated client cannot read it.
     */
    static final String VIEW_DESCRIPTION = "Which view of the referral this is: `FULL` (Prevent lead, panel), `SUMMARY` "
            + "(a line of their lists) or `STATUS` (the referring agency's).";

    @Schema(name = "ReferralLine", description = "A summary (Prevent lead, panel) or the status only (referrer).",
            oneOf = { ReferralSummary.class, ReferralStatusView.class }, discriminatorProperty = "view",
            discriminatorMapping = {
                    @DiscriminatorMapping(value = ReferralSummary.VIEW, schema = ReferralSummary.class),
                    @DiscriminatorMapping(value = ReferralStatusView.VIEW, schema = ReferralStatusView.class) })
    interface Line {
    }

    @Schema(name = "ReferralRead", description = "In full (Prevent lead, panel) or the status only (referrer).",
            oneOf = { ReferralView.class, ReferralStatusView.class }, discriminatorProperty = "view",
            discriminatorMapping = {
                    @DiscriminatorMapping(value = ReferralView.VIEW, schema = ReferralView.class),
                    @DiscriminatorMapping(value = ReferralStatusView.VIEW, schema = ReferralStatusView.class) })
    interface Read {
    }
}
