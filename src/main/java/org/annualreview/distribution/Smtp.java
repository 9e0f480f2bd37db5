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
 * connection lost before the message ended); unknown (the message ended, then the answer never came: the server
 * may have stored it); or withdrawn (the gate before the message's end said no: the connection was dropped before
 * its end, so the server discarded it).
 *
 * <p>The end of a message (the dot after DATA, or the last BDAT) is the one moment a server may store it: before
 * sending it, an attempt asks its {@link EndGate}, which records in the database that the end is going (so that a
 * run that dies after it is known to have left the message's fate unknown, and one that dies before it to have sent
 * nothing) and says no if the message is no longer this run's to send.
 */
final class Smtp {

    enum Fate {
        SENT, REFUSED, TRANSIENT, UNKNOWN, WITHDRAWN
    }

    /** Asked just before a message's end goes to the server: true to send it; false if the message is no longer ours to send. */
    interface EndGate {
        EndGate OPEN = () -> true;

        boolean mayEnd();
    }

    record Attempt(Fate fate, String error) {
    }

    private final Session session;
    private final MailSettings settings;

    Smtp(Session session, MailSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    Attempt send(MimeMessage message, EndGate gate) {
        Tracked transport = new Tracked(session, new URLName("smtp", settings.host(), settings.port(), null, null, null), gate);
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
            if (transport.withdrawn) {
                return new Attempt(Fate.WITHDRAWN, "the message was taken over by another run before its end: this run dropped the"
                        + " connection without ending it, so nothing was sent");
            }
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

    /**
     * Angus's SMTP transport, asking the gate before the end of a message (the dot after DATA, or the last BDAT) and
     * noting when it was sent. An IOException there makes Angus drop the connection "so that the message isn't sent"
     * (its own words): a server never stores a message whose end did not arrive.
     */
    private static final class Tracked extends SMTPTransport {
        private final EndGate gate;
        volatile boolean messageEnded;
        volatile boolean withdrawn;

        Tracked(Session session, URLName url, EndGate gate) {
            super(session, url);
            this.gate = gate;
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            passGate();
            super.finishData();
        }

        @Override
        protected void finishBdat() throws IOException, MessagingException {
            passGate();
            super.finishBdat();
        }

        private void passGate() throws IOException {
            boolean mayEnd;
            try {
                mayEnd = gate.mayEnd();
            } catch (RuntimeException e) {
                throw new IOException("the end of the message could not be recorded, so it was not sent: " + describe(e), e);
            }
            if (!mayEnd) {
                withdrawn = true;
                throw new IOException("the message is no longer this run's to send");
            }
            messageEnded = true;
        }
    }
}
