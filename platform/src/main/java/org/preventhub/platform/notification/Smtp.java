package org.preventhub.platform.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Hands a message to the SMTP server (quarkus.mailer.*), waiting for its answer. A bean of its own so tests can
 * stand in for a process killed at the worst moment (after the server took the message, before the outcome was
 * recorded).
 */
@ApplicationScoped
public class Smtp {

    @Inject
    Mailer mailer;

    public void send(Mail mail) {
        mailer.send(mail);
    }
}
