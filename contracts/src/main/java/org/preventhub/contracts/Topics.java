package org.preventhub.contracts;

/** Kafka topic names. Each service publishes to its own topic only. */
public final class Topics {
    public static final String TRAINING = "training.events";
    public static final String REFERRAL = "referral.events";
    public static final String ENGAGEMENT = "engagement.events";

    private Topics() {
    }
}
