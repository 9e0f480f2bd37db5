package org.annualreview.letters;

import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A letter's Markdown as plain text: one paragraph per line with a blank line between, lines ended with a backslash kept,
 * emphasis and heading marks dropped, HTML tags dropped and their words kept ({@code <u>Your council's performance</u>}
 * is the words alone; {@code <br>} a new line), links as their words, followed by the address in brackets or not as
 * {@link LetterLayout.PlainTextLinks} says, and images left out. What the text letters and the emails carry, and what
 * tests compare.
 */
final class PlainText extends AbstractVisitor {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");

    private final StringBuilder out = new StringBuilder();
    private final LetterLayout.PlainTextLinks links;
    private String listPrefix = "";

    private PlainText(LetterLayout.PlainTextLinks links) {
        this.links = links;
    }

    static String of(Node document, LetterLayout.PlainTextLinks links) {
        PlainText text = new PlainText(links);
        document.accept(text);
        return text.out.toString().strip() + "\n";
    }

    /** Markdown (a letter's, an email's) as plain text. */
    static String of(String markdown, LetterLayout.PlainTextLinks links) {
        return of(MARKDOWN.parse(markdown), links);
    }

    @Override
    public void visit(Document document) {
        visitChildren(document);
    }

    @Override
    public void visit(Paragraph paragraph) {
        if (!(paragraph.getParent() instanceof ListItem)) {
            block();
        }
        visitChildren(paragraph);
    }

    @Override
    public void visit(Heading heading) {
        block();
        visitChildren(heading);
    }

    @Override
    public void visit(BlockQuote quote) {
        visitChildren(quote);
    }

    @Override
    public void visit(BulletList list) {
        block();
        listPrefix = "- ";
        visitChildren(list);
    }

    @Override
    public void visit(OrderedList list) {
        block();
        listPrefix = "- ";
        visitChildren(list);
    }

    @Override
    public void visit(ListItem item) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append(listPrefix);
        visitChildren(item);
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
        block();
    }

    /** A block of HTML (a table, say): its words, a line for each row, paragraph or line break, a space between cells. */
    @Override
    public void visit(HtmlBlock html) {
        String words = wordsOf(html.getLiteral());
        if (!words.isEmpty()) {
            block();
            out.append(words);
        }
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    /** A tag inside a paragraph ({@code <u>}, {@code </strong>}) or a comment: nothing, the words around it stay; {@code <br>} a new line. */
    @Override
    public void visit(HtmlInline html) {
        if (LINE_BREAK_TAG.matcher(html.getLiteral()).matches()) {
            out.append('\n');
        }
    }

    /** A line break inside a paragraph of the template is only where its author wrapped the line: a space. */
    @Override
    public void visit(SoftLineBreak softLineBreak) {
        out.append(' ');
    }

    @Override
    public void visit(HardLineBreak hardLineBreak) {
        out.append('\n');
    }

    @Override
    public void visit(Link link) {
        int start = out.length();
        visitChildren(link);
        String text = out.substring(start);
        String address = link.getDestination();
        boolean sameAsWords = text.equals(address) || address.startsWith("mailto:") && text.equals(address.substring("mailto:".length()));
        if (links == LetterLayout.PlainTextLinks.TEXT_AND_ADDRESS && !sameAsWords && !address.startsWith("#")) {
            out.append(" (").append(address.startsWith("mailto:") ? address.substring("mailto:".length()) : address).append(')');
        }
    }

    @Override
    public void visit(Image image) {
        // a signature or logo: nothing to read in plain text
    }

    private void block() {
        if (out.length() > 0) {
            while (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
                out.setLength(out.length() - 1);
            }
            out.append("\n\n");
        }
    }

    /** The words of some HTML: tags and comments dropped, a line for each block and line break, a space between table cells. */
    static String wordsOf(String html) {
        StringBuilder words = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof TextNode text) {
                    words.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    words.append('\n');
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element element) {
                    if (element.normalName().equals("td") || element.normalName().equals("th")) {
                        words.append(' ');
                    } else if (element.isBlock()) {
                        words.append('\n');
                    }
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return words.toString().lines().map(String::strip).filter(line -> !line.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
