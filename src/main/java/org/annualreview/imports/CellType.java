package org.annualreview.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

import org.annualreview.shared.ReportingYear;
import org.annualreview.shared.Term;

/** How one cell of a record file is read, and the SQL type it is staged and stored as. */
sealed interface CellType {

    /** The value, or throws {@link BadCell} with the reason, for a non-blank cell. */
    Object parse(String text) throws BadCell;

    String sqlType();

    final class BadCell extends Exception {
        BadCell(String reason) {
            super(reason, null, false, false);
        }
    }

    record Text(int maxLength) implements CellType {
        private static boolean hasControlCharacter(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Object parse(String text) throws BadCell {
            if (text.length() > maxLength) {
                throw new BadCell("is " + text.length() + " characters long; at most " + maxLength + " fit");
            }
            if (hasControlCharacter(text)) {
                throw new BadCell("holds an invisible control character (such as a NUL byte): retype the cell");
            }
            return text;
        }

        @Override
        public String sqlType() {
            return "varchar(" + maxLength + ")";
        }
    }

    /** A code such as a GSS code or a case reference: no spaces at either end, no line breaks. */
    record Code(int maxLength) implements CellType {
        private static boolean isSafe(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (!alnum && c != ' ' && c != '.' && c != '/' && c != '_' && c != '-') {
                    return false;
                }
            }
            return !text.isEmpty();
        }

        @Override
        public Object parse(String text) throws BadCell {
            if (text.length() > maxLength) {
                throw new BadCell("'" + text + "' is longer than " + maxLength + " characters");
            }
            if (!isSafe(text)) {
                throw new BadCell("'" + text + "' may hold only letters, digits, spaces and . / _ -");
            }
            return text;
        }

        @Override
        public String sqlType() {
            return "varchar(" + maxLength + ")";
        }
    }

    /** ISO dates (2024-03-31) or, as spreadsheets in the UK write them, 31/03/2024. */
    record Date() implements CellType {
        private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu")
                .withResolverStyle(ResolverStyle.STRICT);
        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        @Override
        public Object parse(String text) throws BadCell {
            LocalDate date;
            try {
                date = isIsoShaped(text) ? isoDate(text) : LocalDate.parse(text, text.contains("/") ? UK : ISO);
            } catch (java.time.DateTimeException e) {   // a DateTimeParseException, or a day that does not exist
                throw new BadCell("'" + text + "' is not a date: write 2024-03-31 or 31/03/2024");
            }
            if (date.getYear() < 1800 || date.getYear() > 2998) {
                throw new BadCell("'" + text + "' has an impossible year: write 2024-03-31 or 31/03/2024");
            }
            return date;
        }

        /** 2024-03-31 read without a formatter: most cells of a large file are dates. */
        private static boolean isIsoShaped(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                    return false;
                }
            }
            return true;
        }

        private static LocalDate isoDate(String text) {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + text.charAt(i) - '0';
            }
            return value;
        }

        @Override
        public String sqlType() {
            return "date";
        }
    }

    record WholeNumber(int min, int max) implements CellType {
        @Override
        public Object parse(String text) throws BadCell {
            String digits = text.replace(",", "");
            try {
                int value = Integer.parseInt(digits);
                if (value < min || value > max) {
                    throw new BadCell(value + " is out of range: expected " + min + " to " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                if (digits.matches("-?\\d+")) {
                    throw new BadCell(text + " is out of range: expected " + min + " to " + max);
                }
                throw new BadCell("'" + text + "' is not a whole number");
            }
        }

        @Override
        public String sqlType() {
            return "integer";
        }
    }

    record Decimal(BigDecimal min, BigDecimal max) implements CellType {
        @Override
        public Object parse(String text) throws BadCell {
            try {
                BigDecimal value = new BigDecimal(text);
                if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                    throw new BadCell(text + " is out of range: expected " + min + " to " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new BadCell("'" + text + "' is not a number");
            }
        }

        @Override
        public String sqlType() {
            return "decimal(9, 5)";
        }
    }

    record YesNo() implements CellType {
        @Override
        public Object parse(String text) throws BadCell {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "1" -> Boolean.TRUE;
                case "no", "n", "false", "0" -> Boolean.FALSE;
                default -> throw new BadCell("'" + text + "' is not yes or no");
            };
        }

        @Override
        public String sqlType() {
            return "boolean";
        }
    }

    /** A word from one of the ombudsman's vocabularies, stored as its code. */
    record Vocabulary<T extends Enum<T> & Term>(Class<T> terms, String what) implements CellType {
        @Override
        public Object parse(String text) throws BadCell {
            Optional<T> term = Term.find(terms, text);
            if (term.isEmpty()) {
                throw new BadCell("unknown " + what + " '" + text + "': expected one of " + Term.allowed(terms));
            }
            return term.get().code();
        }

        @Override
        public String sqlType() {
            return "varchar(40)";
        }
    }

    record Year() implements CellType {
        @Override
        public Object parse(String text) throws BadCell {
            try {
                return ReportingYear.parse(text).toString();
            } catch (IllegalArgumentException e) {
                throw new BadCell(e.getMessage());
            }
        }

        @Override
        public String sqlType() {
            return "varchar(7)";
        }
    }
}
