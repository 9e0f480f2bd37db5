package org.annualreview.site;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed (RFC 4287), written with the JDK's XML writer so that every value is escaped. */
final class AtomFeed {

    /** One thing published: a year's figures and letter, or a public report. */
    record Entry(String id, String title, String link, LocalDate updated, String summary) {
    }

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    static String of(String id, String title, String link, List<Entry> entries) {
        List<Entry> latestFirst = entries.stream().sorted(Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::id)).toList();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            element(xml, "id", id);
            element(xml, "title", title);
            link(xml, link);
            element(xml, "updated", timestamp(latestFirst.isEmpty() ? LocalDate.of(1974, 4, 1) : latestFirst.get(0).updated()));
            xml.writeStartElement("author");
            element(xml, "name", "Your council's performance");
            xml.writeEndElement();
            for (Entry entry : latestFirst) {
                xml.writeStartElement("entry");
                element(xml, "id", entry.id());
                element(xml, "title", entry.title());
                link(xml, entry.link());
                element(xml, "updated", timestamp(entry.updated()));
                element(xml, "summary", entry.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("href", href);
    }

    /** The start of the day in the UK, as RFC 3339 wants it: 2024-07-24T00:00:00+01:00. */
    private static String timestamp(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneId.of("Europe/London")).format(RFC_3339);
    }

    private static final java.time.format.DateTimeFormatter RFC_3339 = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
}
