package org.annualreview.demo;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the database holds the synthetic demo dataset, so that every output can say so plainly.
 */
public final class DemoLabel {

    static final String LABEL = "synthetic-demo";
    public static final String BANNER = "SYNTHETIC DEMO DATA: invented decisions about real council names. Not the ombudsman's figures.";

    private final JdbcTemplate jdbc;

    public DemoLabel(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public boolean isSynthetic() {
        return jdbc.queryForObject("select count(*) from dataset_label where label = ?", Integer.class, LABEL) > 0;
    }

    /** True when the register holds organisations but the database is not labelled as demo data. */
    public boolean holdsRealRecords() {
        return !isSynthetic() && jdbc.queryForObject("select count(*) from organisation", Integer.class) > 0;
    }

    public void markSynthetic() {
        if (!isSynthetic()) {
            jdbc.update("insert into dataset_label (label, description) values (?, ?)", LABEL, BANNER);
        }
    }
}
