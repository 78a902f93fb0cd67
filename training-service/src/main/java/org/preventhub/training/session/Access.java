package org.preventhub.training.session;

/** Who may book: anyone ({@code OPEN}, listed on the website) or one organisation ({@code BESPOKE}). */
public enum Access {
    OPEN,
    BESPOKE
}
