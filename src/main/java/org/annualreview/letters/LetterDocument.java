package org.annualreview.letters;

import static org.jsoup.nodes.Entities.escape;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * One letter in its three forms: the plain text (the letterhead's words, the letter, then after a page break the annex),
 * and the HTML page that is also the source of the PDF: letterhead, letter, annex. The letter's Markdown may hold a little
 * HTML (such as {@code <u>}); the HTML is cleaned of anything beyond text formatting, links and tables.
 */
record LetterDocument(String title, String text, String html) {

    /** Separates the letter from its annex in the plain text: a form feed, the page break of plain text. */
    static final String PAGE_BREAK = "\f\n";

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();
    /** Formatting, links, tables, and pictures given in the template itself (a signature): nothing fetched from elsewhere. */
    private static final Safelist ALLOWED = Safelist.relaxed().addTags("u", "hr").removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "data").preserveRelativeLinks(false);

    /** Shown on every page of letters written from the synthetic demo data. */
    static final String SYNTHETIC = "SYNTHETIC DEMO DATA: an example letter from invented figures. Not the ombudsman's letter.";

    static LetterDocument of(String markdown, LetterFields fields, LetterLayout layout, boolean synthetic) {
        Node letter = MARKDOWN.parse(markdown);
        String title = "Annual Review letter " + fields.year().name() + ": " + fields.organisation().name();
        String text = (synthetic ? SYNTHETIC + "\n\n" : "") + layout.letterheadText() + PlainText.of(letter, layout.plainTextLinks())
                + PAGE_BREAK + Annex.text(fields);
        String html = """
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB">
                <head>
                <meta charset="UTF-8" />
                <title>%s</title>
                <meta name="author" content="%s" />
                <meta name="subject" content="%s" />
                <style>%s</style>
                </head>
                <body>
                %s%s
                <main class="letter">
                %s
                </main>
                %s
                </body>
                </html>
                """.formatted(escape(title), escape(layout.schemeName()),
                        escape("The " + layout.schemeName() + "'s annual summary of complaint statistics for " + fields.year().ending()),
                        STYLE, synthetic ? "<p class=\"synthetic\"><strong>" + escape(SYNTHETIC) + "</strong></p>\n" : "",
                        layout.letterheadHtml(), cleanXhtml(HTML.render(letter)), Annex.html(fields));
        return new LetterDocument(title, text, html);
    }

    /** The letter's HTML with only formatting kept, written as XHTML (the PDF renderer reads XML). */
    private static String cleanXhtml(String html) {
        Document document = Jsoup.parseBodyFragment(Jsoup.clean(html, ALLOWED));
        document.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml).prettyPrint(false);
        return document.body().html();
    }

    private static final String STYLE = """
            @page { size: A4; margin: 20mm 20mm 22mm 22mm;
              @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans'; font-size: 9pt; color: #505a5f; } }
            body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; max-width: 46em; margin: 0 auto; }
            .letterhead { text-align: right; margin-bottom: 8mm; }
            .logo .mark { display: inline-block; background-color: #1d70b8; color: #ffffff; font-weight: bold; font-size: 14pt;
              padding: 2mm 3mm; margin-right: 2mm; }
            .logo .words { font-weight: bold; font-size: 13pt; }
            .letterhead .scheme-name { font-weight: bold; font-size: 13pt; line-height: 1.15; margin: 1mm 0 0 0; }
            .letterhead .banner { font-size: 10pt; color: #505a5f; margin: 1.5mm 0 0 0; }
            .letter img { max-height: 18mm; }
            .synthetic { border: 2pt solid #d4351c; padding: 2mm; color: #d4351c; }
            h1, h2, h3 { font-weight: bold; line-height: 1.25; }
            h1 { font-size: 15pt; } h2 { font-size: 13pt; margin-top: 6mm; } h3 { font-size: 11.5pt; margin-bottom: 1mm; }
            p { margin: 0 0 3.5mm 0; }
            a { color: #1d4e89; }
            .annex { page-break-before: always; }
            .annex .period { font-weight: normal; font-size: 11pt; }
            .statistic { page-break-inside: avoid; margin-bottom: 5mm; }
            .figure strong { font-size: 14pt; }
            .counts, .explanation, .note { font-size: 9.5pt; color: #383f43; }
            table.chart { border-collapse: collapse; margin: 1mm 0 2mm 0; font-size: 9pt; }
            table.chart caption { text-align: left; font-size: 8.5pt; color: #505a5f; padding-bottom: 1mm; }
            table.chart th { text-align: left; font-weight: normal; width: 55mm; padding: 1mm 2mm 1mm 0; }
            table.chart td.bars { width: 82mm; padding: 1mm 0; }
            table.chart td.value { padding-left: 2mm; }
            .bar { height: 5mm; }
            .bar.ours { background-color: #1d70b8; }
            .bar.average { background-color: #505a5f; }
            """;
}
