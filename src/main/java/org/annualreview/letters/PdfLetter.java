package org.annualreview.letters;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

/**
 * A letter's HTML as an A4 PDF: tagged for PDF/UA and conforming to PDF/A-3a, with the Liberation Sans font
 * embedded (SIL Open Font License) and the charts as vectors. The same HTML gives the same bytes: the dates
 * inside are the letter's date and the document id is made from the HTML.
 */
final class PdfLetter {

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final Map<String, byte[]> FONT_FILES = new ConcurrentHashMap<>();

    static {
        XRLog.setLoggingEnabled(false);
        lookUpOnce("javax.xml.transform.TransformerFactory", TransformerFactory::newInstance);
        lookUpOnce("javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory::newInstance);
    }

    /**
     * Names the XML factory JAXP finds as the one to use from now on, unless one is named already. Every letter's XMP
     * metadata is written twice by xmpbox's serializer (openhtmltopdf's and ours), and each looks both factories up
     * again, which reads every jar on the class path for a service provider: about a tenth of a letter's time
     * (JFR, the integration tests). The same class is used as before; it is only not searched for again.
     */
    private static void lookUpOnce(String property, Supplier<Object> lookUp) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, lookUp.get().getClass().getName());
        }
    }

    private PdfLetter() {
    }

    static byte[] render(String xhtml, LocalDate letterDate) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        boolean svg = xhtml.contains("<svg");   // only a logo given as SVG needs Batik, which costs time on every letter
        if (svg) {
            builder.useSVGDrawer(new BatikSVGDrawer());
        }
        PDDocument target = new PDDocument();
        builder.usePDDocument(target);
        font(builder, target, "LiberationSans-Regular.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, target, "LiberationSans-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, target, "LiberationSans-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
        font(builder, target, "LiberationSans-BoldItalic.ttf", 700, BaseRendererBuilder.FontStyle.ITALIC);
        if (svg) {
            builder.useFont(() -> new java.io.ByteArrayInputStream(fontFile("LiberationSans-Regular.ttf")), "Liberation Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true, java.util.EnumSet.of(BaseRendererBuilder.FSFontUseCase.SVG));
        }
        builder.usePdfUaAccessibility(true);
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_A);
        builder.useColorProfile(SRGB);
        builder.withProducer("annual-review");
        ByteArrayOutputStream out = new ByteArrayOutputStream(96 * 1024);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument document = renderer.createPDFKeepOpen()) {
            sameBytesEveryTime(document, letterDate, xhtml);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void font(PdfRendererBuilder builder, PDDocument document, String file, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(new WithoutGlyphSubstitution(document, file), "Liberation Sans", weight, style, true);
    }

    static byte[] fontFile(String name) {
        return FONT_FILES.computeIfAbsent(name, n -> {
            try (InputStream in = PdfLetter.class.getResourceAsStream("/liberation/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("font " + n + " is missing from the classpath (openpdf-fonts-extra)");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Loads a font only if the letter uses it, without glyph substitution: PDFBox otherwise applies the font's
     * substitution rules to every line, half of the time of a letter; English text needs none of them.
     */
    private static final class WithoutGlyphSubstitution extends PDFontSupplier {
        private final PDDocument document;
        private final String file;
        private PDFont font;

        WithoutGlyphSubstitution(PDDocument document, String file) {
            super(null);
            this.document = document;
            this.file = file;
        }

        @Override
        public synchronized PDFont supply() {
            if (font == null) {
                try {
                    TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontFile(file)));
                    ttf.setEnableGsub(false);
                    font = PDType0Font.load(document, ttf, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    /** The creation dates become the letter's date and the document id a digest of the HTML. */
    private static void sameBytesEveryTime(PDDocument document, LocalDate letterDate, String xhtml) throws IOException {
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.clear();
        date.set(letterDate.getYear(), letterDate.getMonthValue() - 1, letterDate.getDayOfMonth(), 9, 0, 0);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreationDate(date);
        info.setModificationDate(date);
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try (InputStream in = metadata.exportXMPMetadata()) {
                XMPMetadata xmp = new DomXmpParser().parse(in);
                XMPBasicSchema basic = xmp.getXMPBasicSchema() == null ? xmp.createAndAddXMPBasicSchema() : xmp.getXMPBasicSchema();
                basic.setCreateDate(date);
                basic.setModifyDate(date);
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                new XmpSerializer().serialize(xmp, buffer, true);
                metadata.importXMPMetadata(buffer.toByteArray());
            } catch (XmpParsingException | TransformerException e) {
                throw new IOException(e);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(xhtml.getBytes(StandardCharsets.UTF_8));
            COSArray id = new COSArray();
            id.add(new COSString(digest));
            id.add(new COSString(digest));
            document.getDocument().getTrailer().setItem(COSName.ID, id);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
