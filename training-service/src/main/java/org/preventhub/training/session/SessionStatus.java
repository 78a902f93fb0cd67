package org.preventhub.training.session;

public enum SessionStatus {
    SCHEDULED,
    CANCELLED,
    DELIVERED
}
