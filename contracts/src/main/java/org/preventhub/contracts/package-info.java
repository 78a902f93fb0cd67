/**
 * Event contracts of Prevent Hub.
 *
 * <p>Events travel as CloudEvents in binary mode: the CloudEvent attributes are Kafka headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time}), the message key is the
 * aggregate id and the value is the JSON of one of the records in this module. Type names are versioned
 * ({@code training.session.scheduled.v1}); a breaking change gets a new version, never an edit.
 * No payload carries personal data (names, emails, dates of birth, addresses, free text).
 */
package org.preventhub.contracts;
