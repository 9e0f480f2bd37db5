package org.annualreview.distribution;

import java.io.IOException;
import java.util.Date;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

/**
 * One attempt to hand a message to the SMTP server, and what is known of its fate afterwards: delivered; refused for
 * good (a 5xx answer, a malformed address); not sent but worth trying again (no connection, a 4xx answer, the
 * connection lost before the message ended); or unknown (the message ended, then the answer never came: the server
 * may have stored it).
 */
final class Smtp {

    enum Fate {
        SENT, REFUSED, TRANSIENT, UNKNOWN
    }

    record Attempt(Fate fate, String error) {
    }

    private final Session session;
    private final MailSettings settings;

    Smtp(Session session, MailSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    Attempt send(MimeMessage message) {
        Tracked transport = new Tracked(session, new URLName("smtp", settings.host(), settings.port(), null, null, null));
        try {
            String messageId = message.getMessageID();
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);   // saveChanges makes a new one
            }
            transport.connect(settings.host(), settings.port(), settings.username().isBlank() ? null : settings.username(),
                    settings.username().isBlank() ? null : settings.password());
            transport.sendMessage(message, message.getAllRecipients());
            return new Attempt(Fate.SENT, "");
        } catch (MessagingException | RuntimeException e) {
            return new Attempt(fate(e, transport.messageEnded), describe(e));
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone already
            }
        }
    }

    /**
     * A reply code anywhere in the chain decides: 5xx refused, 4xx transient. Without one (a timeout, a connection
     * lost), the fate is unknown once the message's end was sent, and the message was not sent before it.
     */
    static Fate fate(Throwable failure, boolean messageEnded) {
        int code = replyCode(failure);
        if (code >= 500 || malformedAddress(failure)) {
            return Fate.REFUSED;
        }
        if (code >= 400) {
            return Fate.TRANSIENT;
        }
        return messageEnded ? Fate.UNKNOWN : Fate.TRANSIENT;
    }

    /** The highest SMTP reply code found in the failure, its causes and the next exceptions of each; 0 if none. */
    private static int replyCode(Throwable failure) {
        int code = 0;
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPSendFailedException f) {
                code = Math.max(code, f.getReturnCode());
            } else if (t instanceof SMTPAddressFailedException f) {
                code = Math.max(code, f.getReturnCode());
            } else if (t instanceof SMTPSenderFailedException f) {
                code = Math.max(code, f.getReturnCode());
            }
        }
        return code;
    }

    private static boolean malformedAddress(Throwable failure) {
        return chain(failure).stream().anyMatch(AddressException.class::isInstance);
    }

    /** The failure, its causes and the next exceptions of messaging exceptions, each once. */
    private static java.util.List<Throwable> chain(Throwable failure) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        java.util.Deque<Throwable> next = new java.util.ArrayDeque<>(java.util.List.of(failure));
        while (!next.isEmpty() && all.size() < 50) {
            Throwable t = next.pop();
            if (all.stream().anyMatch(seen -> seen == t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                next.add(m.getNextException());
            }
        }
        return all;
    }

    /** What the server said (its reply, for a refusal), else the deepest cause: "SocketTimeoutException: Read timed out". */
    static String describe(Throwable failure) {
        java.util.List<Throwable> all = chain(failure);
        for (Throwable t : all) {
            if (t instanceof SMTPAddressFailedException f) {
                return f.getAddress() + ": " + f.getMessage().strip();
            }
            if (t instanceof SMTPSendFailedException || t instanceof SMTPSenderFailedException) {
                return t.getMessage().strip();
            }
        }
        Throwable deepest = all.get(all.size() - 1);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            deepest = t;
        }
        String message = deepest.getMessage() == null ? "" : ": " + deepest.getMessage();
        String outer = failure.getMessage() == null || failure == deepest ? "" : failure.getMessage() + " (";
        return outer + deepest.getClass().getSimpleName() + message + (outer.isEmpty() ? "" : ")");
    }

    /** Angus's SMTP transport, noting when the end of a message (the dot after DATA, or the last BDAT) was sent. */
    private static final class Tracked extends SMTPTransport {
        volatile boolean messageEnded;

        Tracked(Session session, URLName url) {
            super(session, url);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            messageEnded = true;
            super.finishData();
        }

        @Override
        protected void finishBdat() throws IOException, MessagingException {
            messageEnded = true;
            super.finishBdat();
        }
    }
}
