package org.annualreview.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The scheme's part of every letter, its letterhead: the scheme's name (in the letterhead's text alternative and the
 * PDF's metadata), its logo, an SVG or PNG file ({@code ANNUAL_REVIEW_LETTERS_LOGO}), and the lines of its name as the
 * letterhead sets them ({@code ANNUAL_REVIEW_LETTERS_LETTERHEAD}: "Local Government &amp;", "Social Care", "OMBUDSMAN");
 * with neither logo nor lines, a plain mark of our own. For one year's letters, its template's banner ("50 years 1974 -
 * 2024") under them. Also how the plain text of letters and emails writes a link ({@code ANNUAL_REVIEW_PLAIN_TEXT_LINKS}).
 */
public record LetterLayout(String schemeName, Optional<String> logo, List<String> nameLines, Optional<String> banner,
        Optional<String> signatureImage, PlainTextLinks plainTextLinks) {

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

    public LetterLayout {
        nameLines = List.copyOf(nameLines);
    }

    public static LetterLayout of(String schemeName, Optional<Path> logo) {
        return of(schemeName, logo, Optional.empty());
    }

    /** With the signatory's signature, a PNG file ({@code ANNUAL_REVIEW_LETTERS_SIGNATURE}), for {@code {{ signatory.signature }}}. */
    public static LetterLayout of(String schemeName, Optional<Path> logo, Optional<Path> signature) {
        return new LetterLayout(schemeName, logo.map(file -> read(file, schemeName)), List.of(), Optional.empty(),
                signature.map(LetterLayout::dataUri), PlainTextLinks.TEXT_AND_ADDRESS);
    }

    /** The same, with links in plain text written as given. */
    public LetterLayout withPlainTextLinks(PlainTextLinks links) {
        return new LetterLayout(schemeName, logo, nameLines, banner, signatureImage, links);
    }

    /** The same, with the lines of the scheme's name in the letterhead (blank lines left out). */
    public LetterLayout withNameLines(List<String> lines) {
        return new LetterLayout(schemeName, logo, lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList(), banner,
                signatureImage, plainTextLinks);
    }

    /**
     * The lines of the scheme's name as the setting {@code ANNUAL_REVIEW_LETTERS_LETTERHEAD} writes them, separated by
     * {@code |}: "Local Government &amp; | Social Care | OMBUDSMAN".
     */
    public static List<String> nameLines(String setting) {
        return java.util.Arrays.stream(setting.split("\\|")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The same, with a year's banner under the scheme's name (none: empty). */
    LetterLayout withBanner(Optional<String> yearsBanner) {
        return new LetterLayout(schemeName, logo, nameLines, yearsBanner.filter(b -> !b.isBlank()), signatureImage, plainTextLinks);
    }

    /** The letterhead in the page: the logo (ours without a logo or name lines), the lines of the scheme's name, the banner. */
    String letterheadHtml() {
        StringBuilder html = new StringBuilder("<header class=\"letterhead\" aria-label=\"").append(escape(schemeName)).append("\">");
        html.append(logo.orElse(nameLines.isEmpty() ? defaultLogo() : ""));
        if (!nameLines.isEmpty()) {
            html.append("<p class=\"scheme-name\">").append(String.join("<br />", nameLines.stream().map(LetterLayout::escape).toList()))
                    .append("</p>");
        }
        banner.ifPresent(words -> html.append("<p class=\"banner\">").append(escape(words)).append("</p>"));
        return html.append("</header>").toString();
    }

    /** The letterhead in plain text: the lines of the scheme's name, then the banner, each a paragraph; empty without them. */
    String letterheadText() {
        StringBuilder text = new StringBuilder();
        if (!nameLines.isEmpty()) {
            text.append(String.join("\n", nameLines)).append("\n\n");
        }
        banner.ifPresent(words -> text.append(words).append("\n\n"));
        return text.toString();
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
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
