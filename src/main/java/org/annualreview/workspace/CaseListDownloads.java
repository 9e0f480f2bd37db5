package org.annualreview.workspace;

import java.security.Principal;
import java.util.Optional;

import org.annualreview.accounts.Accounts;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.annualreview.shared.ReportingYear;
import org.annualreview.statistics.CaseLists;
import org.annualreview.statistics.Statistics;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A council's case lists of a year, sent with its annual letter and never published: the complaints received, the
 * decisions made and the compliance outcomes (with their recommendations), as one XLSX workbook or a CSV file per list.
 * Staff download any organisation's, a council user only its own, published or not; another organisation's is "not
 * found", as for one that does not exist. Private data: never kept by a browser or a proxy.
 */
@RestController
public final class CaseListDownloads {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Accounts accounts;
    private final Organisations organisations;
    private final Statistics statistics;
    private final CaseLists caseLists;

    public CaseListDownloads(Accounts accounts, Organisations organisations, Statistics statistics, CaseLists caseLists) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.statistics = statistics;
        this.caseLists = caseLists;
    }

    /** Every list as a sheet of one workbook: {@code E08000011-2023-24-case-lists.xlsx}. */
    @GetMapping("/workspace/organisations/{code}/case-lists/{year}.xlsx")
    public ResponseEntity<byte[]> workbook(Principal principal, @PathVariable("code") String code, @PathVariable("year") String year) {
        return organisation(principal, code, year).map(o -> {
            CaseLists.Of lists = caseLists.of(o.code(), ReportingYear.parse(year));
            return download(XLSX, CaseListFiles.fileName(lists, "case-lists", "xlsx"), CaseListFiles.xlsx(lists, o.name()));
        }).orElseGet(CaseListDownloads::notFound);
    }

    /** One list as CSV: {@code E08000011-2023-24-decisions.csv}. */
    @GetMapping("/workspace/organisations/{code}/case-lists/{year}/{list:received|decisions|compliance|recommendations}.csv")
    public ResponseEntity<byte[]> csv(Principal principal, @PathVariable("code") String code, @PathVariable("year") String year,
            @PathVariable("list") String list) {
        Optional<CaseLists.Part> part = CaseListFiles.part(list);
        return organisation(principal, code, year).flatMap(o -> part.map(p -> {
            CaseLists.Of lists = caseLists.of(o.code(), ReportingYear.parse(year), java.util.EnumSet.of(p));
            CaseListFiles.Table table = CaseListFiles.table(lists, p);
            return download(CSV, CaseListFiles.fileName(lists, table.name(), "csv"), CaseListFiles.csv(table));
        })).orElseGet(CaseListDownloads::notFound);
    }

    /** The organisation, if the account may see its lists and the year is one with decisions (as its figures page). */
    private Optional<Organisation> organisation(Principal principal, String code, String year) {
        return SignedIn.organisation(accounts, principal, code)
                .filter(c -> ReportingYear.find(year).filter(statistics.yearsWithDecisions()::contains).isPresent())
                .flatMap(organisations::byCode);
    }

    private static ResponseEntity<byte[]> download(MediaType type, String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .cacheControl(CacheControl.noStore()).body(body);
    }

    private static ResponseEntity<byte[]> notFound() {
        throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);   // the workspace's page not found
    }
}
