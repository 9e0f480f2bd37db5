package org.annualreview.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PaginationTest {

    static String shown(Pagination p) {
        StringBuilder s = new StringBuilder();
        for (Map<String, Object> i : p.items()) {
            s.append((Boolean) i.get("ellipsis") ? "…" : (Boolean) i.get("current") ? "[" + i.get("number") + "]" : i.get("number")).append(' ');
        }
        return s.toString().strip();
    }

    @Test
    void theFirstLastAndNeighbouringPagesAreLinkedAndTheRestAnEllipsis() {
        assertThat(shown(Pagination.of(1, 500, 50, "/decisions"))).isEqualTo("[1] 2 … 10");
        assertThat(shown(Pagination.of(5, 500, 50, "/decisions"))).isEqualTo("1 … 4 [5] 6 … 10");
        assertThat(shown(Pagination.of(10, 500, 50, "/decisions"))).isEqualTo("1 … 9 [10]");
        assertThat(shown(Pagination.of(2, 101, 50, "/decisions"))).isEqualTo("1 [2] 3");
    }

    @Test
    void aPageBeyondTheLastIsTheLastAndOnePageNeedsNoPagination() {
        Pagination beyond = Pagination.of(99, 120, 50, "/decisions?q=roads");
        assertThat(beyond.page()).isEqualTo(3);
        assertThat(beyond.from()).isEqualTo(100);
        assertThat(beyond.model()).containsEntry("previous", "/decisions?q=roads&page=2").containsEntry("next", "")
                .containsEntry("first", 101L).containsEntry("last", 120L);
        assertThat(Pagination.of(1, 50, 50, "/decisions").model()).isEmpty();
        assertThat(Pagination.of(1, 0, 50, "/decisions").pages()).isEqualTo(1);
    }

    @Test
    void onlyAWholeNumberIsAPage() {
        assertThat(Pagination.pageAsked("3")).isEqualTo(3);
        assertThat(Pagination.pageAsked("0")).isEqualTo(1);
        assertThat(Pagination.pageAsked("-2")).isEqualTo(1);
        assertThat(Pagination.pageAsked("x")).isEqualTo(1);
        assertThat(Pagination.pageAsked(null)).isEqualTo(1);
        assertThat(Pagination.pageAsked("99999999999")).isEqualTo(1);
    }
}
