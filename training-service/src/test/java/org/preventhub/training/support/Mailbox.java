package org.preventhub.training.support;


import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.preventhub.testing.infra.TestInfrastructure;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** What the embedded SMTP server received for one address, and the calendar invites in it, parsed with ical4j. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> of(String address) {
        return TestInfrastructure.mail().receivedBy(address);
    }

    /** Waits until {@code count} messages arrived for the address; returns them all. */
    public static List<MimeMessage> await(String address, int count) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(address).size() >= count);
        return of(address);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        try {
            return find(message, "text/plain").map(Mailbox::read).orElseThrow();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The invite attached, as a calendar program reads it; empty without one. */
    public static Optional<Calendar> invite(MimeMessage message) {
        try {
            return find(message, "text/calendar").map(Mailbox::read).map(Mailbox::parse);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of the message's first part of this MIME type (an attachment). */
    public static byte[] attachment(MimeMessage message, String type) {
        try {
            return find(message, type).orElseThrow(() -> new AssertionError("no " + type + " part")).getInputStream()
                    .readAllBytes();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rawInvite(MimeMessage message) {
        try {
            return find(message, "text/calendar").map(Mailbox::read).orElseThrow();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    public static String eventProperty(Calendar calendar, String name) {
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow(() -> new AssertionError("no VEVENT"));
        return event.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    public static Calendar parse(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException | ParserException e) {
            throw new AssertionError("not a calendar a program can read: " + e.getMessage(), e);
        }
    }

    private static Optional<Part> find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return Optional.of(part);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                Optional<Part> found = find(body, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String read(Part part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
