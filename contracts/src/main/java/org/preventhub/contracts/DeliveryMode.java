package org.preventhub.contracts;

/** How a session or event is delivered. */
public enum DeliveryMode {
    IN_PERSON,
    ONLINE
}
