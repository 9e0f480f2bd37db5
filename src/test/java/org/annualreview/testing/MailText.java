package org.annualreview.testing;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** What a test reads of a received message. */
public final class MailText {

    private MailText() {
    }

    /** The text/plain part of a message, decoded (quoted-printable lines joined again); empty if it has none. */
    public static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
