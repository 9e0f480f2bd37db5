package org.annualreview.letters;

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

/**
 * A letter's Markdown as plain text: one paragraph per line with a blank line between, lines ended with a backslash kept,
 * emphasis and heading marks dropped, links as their text followed by the address, images left out, and
 * inline HTML (such as {@code <u>}) kept as written. What emails carry and what tests compare.
 */
final class PlainText extends AbstractVisitor {

    private final StringBuilder out = new StringBuilder();
    private String listPrefix = "";

    static String of(Node document) {
        PlainText text = new PlainText();
        document.accept(text);
        return text.out.toString().strip() + "\n";
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

    @Override
    public void visit(HtmlBlock html) {
        block();
        out.append(html.getLiteral().strip());
    }

    @Override
    public void visit(Text text) {
        out.append(text.getLiteral());
    }

    @Override
    public void visit(Code code) {
        out.append(code.getLiteral());
    }

    @Override
    public void visit(HtmlInline html) {
        out.append(html.getLiteral());
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
        if (!text.equals(link.getDestination()) && !link.getDestination().startsWith("#")) {
            out.append(" (").append(link.getDestination()).append(')');
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
}
