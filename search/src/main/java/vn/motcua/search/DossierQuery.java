package vn.motcua.search;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import vn.motcua.engine.dossier.DossierStatus;

/**
 * An official's dossier search. Every criterion is optional; dates are days of the agency's legal
 * time zone and ranges include both ends.
 *
 * @param text          words of the applicant's name or of the subject (product, form texts, procedure),
 *                      with or without diacritics; the last word may be a prefix; or a dossier code
 * @param overdue       only dossiers past their appointed return date and not yet closed
 * @param sort          defaults to {@link Sort#RECEIVED_AT}
 * @param ascending     defaults to newest first
 * @param page          0-based
 * @param size          1 to 100
 */
public record DossierQuery(String text, String procedureCode, Set<DossierStatus> statuses, LocalDate receivedFrom,
                           LocalDate receivedTo, LocalDate dueFrom, LocalDate dueTo, boolean overdue, Sort sort,
                           boolean ascending, int page, int size) {

    public enum Sort {
        RECEIVED_AT("receivedAt"), DUE_DATE("dueDate"), UPDATED_AT("updatedAt");

        private final String field;

        Sort(String field) {
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    public DossierQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        sort = sort == null ? Sort.RECEIVED_AT : sort;
        Paging.check(page, size);
    }

    /** Everything, newest first, first page. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String text;
        private String procedureCode;
        private Set<DossierStatus> statuses = Set.of();
        private LocalDate receivedFrom;
        private LocalDate receivedTo;
        private LocalDate dueFrom;
        private LocalDate dueTo;
        private boolean overdue;
        private Sort sort = Sort.RECEIVED_AT;
        private boolean ascending;
        private int page;
        private int size = Paging.DEFAULT_SIZE;

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder procedureCode(String procedureCode) {
            this.procedureCode = procedureCode;
            return this;
        }

        public Builder statuses(Set<DossierStatus> statuses) {
            this.statuses = statuses;
            return this;
        }

        public Builder received(LocalDate from, LocalDate to) {
            this.receivedFrom = from;
            this.receivedTo = to;
            return this;
        }

        public Builder due(LocalDate from, LocalDate to) {
            this.dueFrom = from;
            this.dueTo = to;
            return this;
        }

        public Builder overdue(boolean overdue) {
            this.overdue = overdue;
            return this;
        }

        public Builder sort(Sort sort, boolean ascending) {
            this.sort = sort;
            this.ascending = ascending;
            return this;
        }

        public Builder page(int page, int size) {
            this.page = page;
            this.size = size;
            return this;
        }

        public DossierQuery build() {
            return new DossierQuery(text, procedureCode, statuses, receivedFrom, receivedTo, dueFrom, dueTo, overdue,
                    sort, ascending, page, size);
        }
    }
}
