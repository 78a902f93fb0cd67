package org.preventhub.training.notification;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.preventhub.platform.notification.Smtp;

import io.quarkus.mailer.Mail;

/**
 * SMTP for tests: it can stop the dispatcher right after the server took a message and before its outcome is
 * recorded, as a process killed there would (nothing more written; the claim stays). An Error, not an exception:
 * the dispatcher's failure handling must not see it, as it would not see a kill.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingSmtp extends Smtp {

    private volatile CompletableFuture<Void> crashAfterSend;

    /** Completes once the next message was sent and the dispatcher stopped before recording it. */
    public CompletableFuture<Void> crashAfterNextSend() {
        CompletableFuture<Void> crashed = new CompletableFuture<>();
        crashAfterSend = crashed;
        return crashed;
    }

    @Override
    public void send(Mail mail) {
        super.send(mail);
        CompletableFuture<Void> crash = crashAfterSend;
        if (crash != null) {
            crashAfterSend = null;
            crash.complete(null);
            throw new SimulatedCrash();
        }
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between the SMTP server's answer and recording it", null, false, false);
        }
    }
}
