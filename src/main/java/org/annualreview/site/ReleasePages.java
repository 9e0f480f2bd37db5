package org.annualreview.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.annualreview.publication.Release;
import org.annualreview.shared.ReportingYear;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every release of a published year, first first: when each was made and why, with its figures (JSON, CSV) at
 * addresses that never change; and each council's letter as a release published it, the original beside a
 * corrected one.
 */
@RestController
public final class ReleasePages {

    private final Publication publication;
    private final Pages pages = new Pages();

    public ReleasePages(Publication publication) {
        this.publication = publication;
    }

    @GetMapping("/releases/{year}")
    public ResponseEntity<String> releases(@PathVariable("year") String year) {
        Optional<ReportingYear> shown = publication.published(year);
        if (shown.isEmpty()) {
            return pages.notFound();
        }
        List<Release> releases = publication.releasesOf(shown.get());
        Map<String, Object> model = Pages.base("Releases of " + shown.get());
        publication.release(shown.get()).ifPresent(r -> Pages.revised(model, List.of(r)));
        model.put("year", shown.get().toString());
        model.put("releases", releases.stream().map(r -> Map.of("number", r.number(), "kind", r.isRevision() ? "Revision" : "Publication",
                "on", r.madeOn(), "reason", r.reason().orElse(""), "latest", r.equals(releases.get(releases.size() - 1)),
                "json", "/api/years/" + r.year() + "/releases/" + r.number(), "csv", "/data/releases/" + r.year() + "/" + r.number() + "/statistics.csv"))
                .toList());
        return pages.page("releases", model);
    }

    /** A council's letter as release n of the year published it: the original stays here when a corrected one follows. */
    @GetMapping("/councils/{code}/letters/{year}/release-{number}.pdf")
    public ResponseEntity<byte[]> letter(@PathVariable("code") String code, @PathVariable("year") String year,
            @PathVariable("number") String number) {
        String council = code.toUpperCase(Locale.UK);
        return publication.published(year).flatMap(y -> number.matches("\\d{1,4}") ? publication.release(y, Integer.parseInt(number)) : Optional.empty())
                .flatMap(r -> publication.letter(council, r))
                .map(l -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header("Content-Disposition", "inline; filename=\"" + l.organisationCode() + "-" + l.year() + "-release-" + number + ".pdf\"")
                        .body(l.pdf()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
