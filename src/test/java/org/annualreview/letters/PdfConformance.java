package org.annualreview.letters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;

/** What veraPDF, the reference validator, finds wrong with a PDF for one flavour ("3a", "ua1"). */
final class PdfConformance {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfConformance() {
    }

    static List<String> failures(Path pdf, String flavour) throws IOException {
        PDFAFlavour wanted = PDFAFlavour.fromString(flavour);
        try (InputStream in = Files.newInputStream(pdf);
                PDFAParser parser = Foundries.defaultInstance().createParser(in, wanted);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(wanted, false)) {
            return validator.validate(parser).getTestAssertions().stream()
                    .filter(t -> t.getStatus() == TestAssertion.Status.FAILED)
                    .map(t -> t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + ": " + t.getMessage())
                    .distinct().toList();
        } catch (Exception e) {
            throw new IOException("veraPDF could not check " + pdf + ": " + e.getMessage(), e);
        }
    }
}
