package org.annualreview.statistics;

/** How the average of similar authorities is formed. The letters use {@link #POOLED}; see docs/statistics.md. */
public enum AverageMethod {
    /** All decisions of all councils of the type counted together: each case weighs the same. */
    POOLED("pooled"),
    /** The mean of each council's own rate: each council weighs the same (councils with no denominator left out). */
    MEAN_OF_COUNCILS("mean");

    private final String code;

    AverageMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AverageMethod byCode(String code) {
        for (AverageMethod method : values()) {
            if (method.code.equalsIgnoreCase(code) || method.name().equalsIgnoreCase(code)) {
                return method;
            }
        }
        throw new IllegalArgumentException("average must be pooled or mean, not '" + code + "'");
    }
}
