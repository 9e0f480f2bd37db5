package org.annualreview.workspace;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.annualreview.letters.Letters;
import org.annualreview.shared.Dates;
import org.annualreview.shared.ReportingYear;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Two versions of a letter compared before approving, paragraph by paragraph (the audit log's {@link TextChange}),
 * reached from the review page; approving is the review page's own form, posted to {@link LetterReview}.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public final class LetterComparison {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private final Letters letters;
    private final WorkspacePages pages = new WorkspacePages();

    public LetterComparison(Letters letters) {
        this.letters = letters;
    }

    /**
     * Two versions of an organisation's letter of the year side by side before approving: what each was written from
     * and when, who approved it, and the paragraphs removed and added between them; by default the latest version
     * against the latest approved before it, else the one before it. With the button to approve the latest version if
     * it awaits approval (the review page's form and rules). An unknown year, letter or version is not found.
     */
    @GetMapping("/workspace/years/{year}/letters/{code}/compare")
    public ResponseEntity<String> compare(HttpServletRequest request, @PathVariable("year") String year, @PathVariable("code") String code,
            @RequestParam(name = "from", defaultValue = "") String from, @RequestParam(name = "to", defaultValue = "") String to) {
        ReportingYear chosen = ReportingYear.find(year).orElseThrow(LetterComparison::notFound);
        Letters.Review latest = letters.review(code, chosen).orElseThrow(LetterComparison::notFound);
        int toVersion = to.isEmpty() ? latest.version() : version(to);
        int fromVersion = from.isEmpty() ? latest.comparedWith().orElse(toVersion) : version(from);
        Letters.Version before = letters.versionToCompare(latest.organisationCode(), chosen, fromVersion).orElseThrow(LetterComparison::notFound);
        Letters.Version after = letters.versionToCompare(latest.organisationCode(), chosen, toVersion).orElseThrow(LetterComparison::notFound);
        Map<String, Object> model = WorkspacePages.base("Compare versions of the letter of " + latest.organisationName() + ", " + chosen, request);
        model.put("year", chosen.toString());
        model.put("code", latest.organisationCode());
        model.put("name", latest.organisationName());
        model.put("latest", latest.version());
        model.put("awaiting", latest.awaitingApproval());
        model.put("latestApprovedBy", latest.approvedBy().orElse(""));
        model.put("latestApprovedAt", latest.approvedAt().map(LetterComparison::dayAndTime).orElse(""));
        model.put("versions", java.util.stream.IntStream.rangeClosed(1, latest.version()).boxed().toList());
        model.put("before", side(before, latest.version()));
        model.put("after", side(after, latest.version()));
        String beforeText = TextChange.paragraphs(before.text());
        String afterText = TextChange.paragraphs(after.text());
        TextChange.Counts counts = TextChange.counts(beforeText, afterText);
        model.put("same", beforeText.equals(afterText));
        model.put("added", counts.added());
        model.put("removed", counts.removed());
        model.put("rows", before.version() == after.version() ? List.of() : TextChange.paragraphRows(before.text(), after.text()).stream()
                .map(r -> Map.of("kind", r.kind().name().toLowerCase(Locale.UK), "before", r.before(), "after", r.after(), "text", r.text()))
                .toList());
        return pages.page("letter-compare", model);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** A version number as asked for in the address; anything else is a version that does not exist. */
    private static int version(String asked) {
        if (!asked.matches("\\d{1,6}")) {
            throw notFound();
        }
        return Integer.parseInt(asked);
    }

    /** What the comparison says of one of its two versions. */
    private static Map<String, Object> side(Letters.Version v, int latest) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("version", v.version());
        side.put("latest", v.version() == latest);
        side.put("written", dayAndTime(v.writtenAt()));
        side.put("writtenAt", v.writtenAt().toString());
        side.put("templateVersion", v.templateVersion());
        side.put("templateFile", v.templateFile());
        side.put("templateLoaded", dayAndTime(v.templateLoadedAt()));
        side.put("figures", dayAndTime(v.figuresComputedAt()));
        side.put("approvedBy", v.approvedBy().orElse(""));
        side.put("approvedAt", v.approvedAt().map(LetterComparison::dayAndTime).orElse(""));
        return side;
    }

    /** "3 December 2026 at 1:45pm", UK time. */
    static String dayAndTime(Instant at) {
        java.time.ZonedDateTime uk = at.atZone(UK);
        return Dates.IN_WORDS.format(uk) + " at " + TIME.format(uk).toLowerCase(Locale.UK);
    }
}
