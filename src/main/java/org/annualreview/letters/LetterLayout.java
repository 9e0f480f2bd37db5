package org.annualreview.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The scheme's part of every letter: its name (in the letterhead's text alternative and the PDF's metadata)
 * and its logo, an SVG or PNG file ({@code ANNUAL_REVIEW_LETTERS_LOGO}); without one, a plain logo of our own. Also how
 * the plain text of letters and emails writes a link ({@code ANNUAL_REVIEW_PLAIN_TEXT_LINKS}).
 */
public record LetterLayout(String schemeName, String logoMarkup, Optional<String> signatureImage, PlainTextLinks plainTextLinks) {

    public static final String DEFAULT_SCHEME = "Local Government and Social Care Ombudsman";

    /**
     * How plain text writes a link {@code [words](address)}: the words and the address in brackets (the default), or the
     * words alone, as a printed letter reads. A link whose words are its address is the address either way.
     */
    public enum PlainTextLinks {
        TEXT_AND_ADDRESS("text-and-address"), TEXT("text");

        private final String code;

        PlainTextLinks(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** {@code text-and-address} or {@code text}, as the setting is written. */
        public static PlainTextLinks parse(String code) {
            for (PlainTextLinks links : values()) {
                if (links.code.equalsIgnoreCase(code.strip())) {
                    return links;
                }
            }
            throw new IllegalArgumentException("'" + code + "' is not a way to write links in plain text: write text-and-address or text");
        }
    }

    public static LetterLayout of(String schemeName, Optional<Path> logo) {
        return of(schemeName, logo, Optional.empty());
    }

    /** With the signatory's signature, a PNG file ({@code ANNUAL_REVIEW_LETTERS_SIGNATURE}), for {@code {{ signatory.signature }}}. */
    public static LetterLayout of(String schemeName, Optional<Path> logo, Optional<Path> signature) {
        return new LetterLayout(schemeName, logo.map(file -> read(file, schemeName)).orElseGet(LetterLayout::defaultLogo),
                signature.map(LetterLayout::dataUri), PlainTextLinks.TEXT_AND_ADDRESS);
    }

    /** The same, with links in plain text written as given. */
    public LetterLayout withPlainTextLinks(PlainTextLinks links) {
        return new LetterLayout(schemeName, logoMarkup, signatureImage, links);
    }

    private static String dataUri(Path png) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signature " + png + ": " + e.getMessage(), e);
        }
    }

    /** The logo in the page, named by the scheme's name for screen readers and the PDF's tags. */
    private static String read(Path logo, String schemeName) {
        String name = org.jsoup.nodes.Entities.escape(schemeName);
        try {
            if (logo.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg")) {
                String svg = withoutXmlDeclaration(Files.readString(logo));
                return svg.replaceFirst("<svg\\b", "<svg role=\"img\" aria-label=\"" + name + "\" alt=\"" + name + "\"");
            }
            return "<img alt=\"" + name + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(logo))
                    + "\" />";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logo " + logo + ": " + e.getMessage(), e);
        }
    }

    /** Our own plain mark, drawn with boxes and text rather than a picture: it costs a letter nothing to draw. */
    private static String defaultLogo() {
        return "<div class=\"logo\"><span class=\"mark\">AR</span><span class=\"words\">Annual Review</span></div>";
    }

    private static String withoutXmlDeclaration(String svg) {
        return svg.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "").strip();
    }
}
