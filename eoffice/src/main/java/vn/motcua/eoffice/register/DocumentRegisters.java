package vn.motcua.eoffice.register;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.engine.problem.Problem;

/**
 * The registers of outgoing and incoming documents (Decree 30/2020/ND-CP Art. 15, 22): numbers run
 * from 01 on 1 January to 31 December per agency, register and series; below 10 they carry a leading
 * zero; secret documents have their own series. For electronic documents the system assigns the
 * number, never a person.
 *
 * <p>As for dossier codes, each counter is one PostgreSQL row (agency, register, series, year) bumped by
 * a single atomic upsert inside the caller's transaction: its row lock serialises concurrent callers
 * across threads and application instances, and a rolled-back transaction gives its number back, so
 * numbers have neither gaps nor duplicates.
 */
@Component
public class DocumentRegisters {

    private final JdbcTemplate jdbc;
    private final RegisterKinds kinds;

    /** With the default grouping of kinds into registers ({@link RegisterKinds#defaults()}). */
    public DocumentRegisters(JdbcTemplate jdbc) {
        this(jdbc, RegisterKinds.defaults());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public DocumentRegisters(JdbcTemplate jdbc, RegisterKinds kinds) {
        this.jdbc = jdbc;
        this.kinds = kinds;
    }

    /** Which kinds share a register, per agency. */
    public RegisterKinds kinds() {
        return kinds;
    }

    /**
     * The next number of the register of the issuing unit {@code issuingUnitId} for documents of {@code type}
     * ({@link RegisterKinds}: {@code OUTGOING:<unit>:QD}, {@code …:CV}, {@code …:VB} by default), in the series and
     * year: 01 on 1 January, then consecutive, independent of the unit's other registers and of other units'.
     *
     * <p>In the year an agency moves from its one outgoing register ({@code OUTGOING}, before these registers) to
     * these, each new register starts after the last number of the old one, so that no number/symbol issued that
     * year is issued twice (Decree 30/2020 Art. 15: unique within the year); the next 1 January every register starts
     * at 01.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegisteredNumber nextOutgoing(String agencyId, String issuingUnitId, String issuerAbbreviation,
                                         DocumentType type, Series series, LocalDate issuedOn) {
        requireText(agencyId, "agencyId");
        requireText(issuingUnitId, "issuingUnitId");
        requireText(issuerAbbreviation, "issuerAbbreviation");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(issuedOn, "issuedOn");
        String register = kinds.outgoing(agencyId, issuingUnitId, type);
        int year = issuedOn.getYear();
        Integer number = jdbc.queryForObject("""
                insert into document_register_counter (agency_id, register, series, year, last_number)
                values (?, ?, ?, ?, 1 + coalesce((select old.last_number from document_register_counter old
                        where old.agency_id = ? and old.register = 'OUTGOING' and old.series = ? and old.year = ?), 0))
                on conflict (agency_id, register, series, year)
                do update set last_number = document_register_counter.last_number + 1
                returning last_number""", Integer.class, agencyId, register, series.name(), year, agencyId,
                series.name(), year);
        if (number == null) {
            throw new IllegalStateException("register upsert returned no number");
        }
        RegisteredNumber numbered = numbered(agencyId, issuerAbbreviation, type, series, year, number);
        return new RegisteredNumber(numbered.number(), numbered.formatted(), numbered.symbol(), numbered.identifier(),
                register);
    }

    /**
     * The next number of the agency's one outgoing register ({@code OUTGOING}), as before registers per issuing unit
     * and kind ({@link #nextOutgoing}, which documents now take their numbers from). {@code issuerAbbreviation} is the issuing agency's
     * abbreviation, optionally followed by the drafting unit's ({@code SYT} or {@code SYT-VP}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RegisteredNumber next(String agencyId, String issuerAbbreviation, DocumentType type, Series series,
                                 LocalDate issuedOn) {
        requireText(agencyId, "agencyId");
        requireText(issuerAbbreviation, "issuerAbbreviation");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(issuedOn, "issuedOn");
        int number = bump(agencyId, "OUTGOING", series, issuedOn.getYear());
        return numbered(agencyId, issuerAbbreviation, type, series, issuedOn.getYear(), number);
    }

    /** The next arrival number (số đến) of an ordinary incoming document. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ArrivalNumber nextArrival(String agencyId, LocalDate arrivedOn) {
        return nextArrival(agencyId, Series.ORDINARY, arrivedOn);
    }

    /** The next arrival number (số đến) in the given series: secret incoming documents are counted apart. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ArrivalNumber nextArrival(String agencyId, Series series, LocalDate arrivedOn) {
        requireText(agencyId, "agencyId");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(arrivedOn, "arrivedOn");
        int number = bump(agencyId, "INCOMING", series, arrivedOn.getYear());
        return new ArrivalNumber(number, formatted(number), arrivedOn);
    }

    /**
     * The next number of the named register {@code register} (e.g. {@code RESULT:GPP}) of an agency in a series and
     * year: 1 for the first of the year, then consecutive. The building block of every register of the agency.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int nextNumber(String agencyId, String register, Series series, int year) {
        requireText(agencyId, "agencyId");
        requireText(register, "register");
        Objects.requireNonNull(series, "series");
        return bump(agencyId, register, series, year);
    }

    private int bump(String agencyId, String register, Series series, int year) {
        Integer number = jdbc.queryForObject("""
                insert into document_register_counter (agency_id, register, series, year, last_number)
                values (?, ?, ?, ?, 1)
                on conflict (agency_id, register, series, year)
                do update set last_number = document_register_counter.last_number + 1
                returning last_number""", Integer.class, agencyId, register, series.name(), year);
        if (number == null) {
            throw new IllegalStateException("register upsert returned no number");
        }
        return number;
    }

    static RegisteredNumber numbered(String agencyId, String issuerAbbreviation, DocumentType type, Series series,
                                     int year, int number) {
        String formatted = formatted(number);
        String symbol = formatted + "/" + (type.abbreviatedInSymbol() ? type.abbreviation() + "-" : "")
                + issuerAbbreviation + series.symbolSuffix();
        return new RegisteredNumber(number, formatted, symbol, agencyId + "." + year + "." + symbol);
    }

    static String formatted(int number) {
        return "%02d".formatted(number);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, field + " is required");
        }
    }
}
