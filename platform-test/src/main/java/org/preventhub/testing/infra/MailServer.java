package org.preventhub.testing.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real SMTP server (GreenMail) inside this JVM, bound to the loopback address: it accepts mail for any address
 * and keeps it in memory, so tests read what a service sent, and nothing leaves the machine. It can be stopped
 * and started again on the same port, which is how tests simulate an SMTP outage. The local stack also serves
 * {@link #servePage a page} listing what arrived.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;
    private HttpServer page;

    private MailServer(int port) {
        this.port = port;
    }

    public static MailServer start(int port) {
        MailServer server = new MailServer(port);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        ServerSetup smtp = new ServerSetup(port, InetAddress.getLoopbackAddress().getHostAddress(),
                ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.start();
    }

    /** Refuses connections until {@link #start()}: the mail already received is forgotten. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    public String host() {
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    public int port() {
        return port;
    }

    /** Every message received since the start, oldest first. */
    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The messages received for one address. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> isFor(m, address)).toList();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    /**
     * Serves a page on the loopback address listing the messages received (newest first), each readable whole at
     * {@code /messages/N} as it arrived (RFC 5322 source, attachments included): the local stack's mailbox.
     */
    public synchronized String servePage(int httpPort) {
        try {
            page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.createContext("/", this::answer);
        page.start();
        return "http://localhost:" + httpPort + "/";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<MimeMessage> messages = received();
            if (path.startsWith("/messages/")) {
                int index;
                try {
                    index = Integer.parseInt(path.substring("/messages/".length()));
                } catch (NumberFormatException e) {
                    index = -1;
                }
                if (index < 0 || index >= messages.size()) {
                    send(exchange, 404, "text/plain", "No such message".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                messages.get(index).writeTo(raw);
                send(exchange, 200, "text/plain; charset=utf-8", raw.toByteArray());
                return;
            }
            StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Local mailbox</title>"
                    + "<h1>Mail sent by the local stack</h1><p>Nothing here left this machine. "
                    + messages.size() + " message(s), newest first.</p><table border=1 cellpadding=4>"
                    + "<tr><th>#</th><th>Received</th><th>To</th><th>Subject</th></tr>");
            for (int i = messages.size() - 1; i >= 0; i--) {
                MimeMessage m = messages.get(i);
                html.append("<tr><td><a href=\"/messages/").append(i).append("\">").append(i).append("</a></td><td>")
                        .append(escape(String.valueOf(m.getReceivedDate()))).append("</td><td>")
                        .append(escape(Arrays.toString(m.getAllRecipients()))).append("</td><td>")
                        .append(escape(m.getSubject())).append("</td></tr>");
            }
            html.append("</table>");
            send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            send(exchange, 500, "text/plain", "Unreadable message".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public synchronized void close() {
        if (page != null) {
            page.stop(0);
            page = null;
        }
        stop();
    }
}
