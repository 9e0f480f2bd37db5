package org.annualreview.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every record table, to show that a refused import changed nothing. */
public final class TableContents {

    private static final List<String> TABLES = List.of("organisation", "population", "contact", "decision", "recommendation",
            "service_improvement", "enquiry", "training_course", "training_total", "statistics_snapshot", "organisation_figures");

    private TableContents() {
    }

    public static Map<String, List<String>> of(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            jdbc.query("select * from " + table, rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            });
            rows.sort(null);
            contents.put(table, rows);
        }
        return contents;
    }

    public static long rows(DataSource dataSource, String table) {
        return new JdbcTemplate(dataSource).queryForObject("select count(*) from " + table, Long.class);
    }
}
