package vn.motcua.eoffice.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;
import vn.motcua.engine.testing.MigratedPostgres;


/**
 * Registers of Decree 30/2020/ND-CP Art. 15 against a real PostgreSQL with every production migration
 * on the classpath: leading zero, symbol forms, restart on 1 January, the secret series apart,
 * arrival numbers, no gaps or duplicates across two application instances, numbers given back on rollback.
 */
class DocumentRegistersTest {

    private static final String AGENCY = "000.00.16.H26";
    private static final String OTHER_AGENCY = "000.00.17.H26";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    private static MigratedPostgres database;
    private static Instance app;

    @BeforeAll
    static void startDatabase() {
        database = MigratedPostgres.start();
        app = Instance.start("app", 8);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void resetCounters() {
        app.jdbc().update("delete from document_register_counter");
    }

    @Test
    void numbersBelowTenCarryALeadingZeroAndTheSymbolIsNumberTypeIssuer() {
        RegisteredNumber first = app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
        assertThat(first).isEqualTo(new RegisteredNumber(1, "01", "01/QĐ-SYT", "000.00.16.H26.2026.01/QĐ-SYT"));
        IntStream.range(0, 3).forEach(i -> app.next(AGENCY, "SYT", DocumentType.PLAN, Series.ORDINARY, DAY));
        RegisteredNumber fifth = app.next(AGENCY, "SYT", DocumentType.SUBMISSION, Series.ORDINARY, DAY);
        assertThat(fifth.formatted()).isEqualTo("05");
        assertThat(fifth.symbol()).isEqualTo("05/TTr-SYT");
        IntStream.range(0, 4).forEach(i -> app.next(AGENCY, "SYT", DocumentType.REPORT, Series.ORDINARY, DAY));
        RegisteredNumber tenth = app.next(AGENCY, "SYT", DocumentType.ANNOUNCEMENT, Series.ORDINARY, DAY);
        assertThat(tenth).isEqualTo(new RegisteredNumber(10, "10", "10/TB-SYT", "000.00.16.H26.2026.10/TB-SYT"));
    }

    @Test
    void letterSymbolHasNoTypePartOnlyIssuerAndDraftingUnit() {
        app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
        RegisteredNumber letter = app.next(AGENCY, "SYT-VP", DocumentType.LETTER, Series.ORDINARY, DAY);
        assertThat(letter.symbol()).isEqualTo("02/SYT-VP");
        assertThat(letter.identifier()).isEqualTo("000.00.16.H26.2026.02/SYT-VP");
    }

    @Test
    void numbersRestartAtZeroOneOnTheFirstOfJanuary() {
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        IntStream.range(0, 11).forEach(i -> app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, newYearsEve));
        RegisteredNumber lastOfYear = app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, newYearsEve);
        assertThat(lastOfYear.symbol()).isEqualTo("12/QĐ-SYT");
        assertThat(lastOfYear.identifier()).isEqualTo("000.00.16.H26.2026.12/QĐ-SYT");

        RegisteredNumber firstOfYear = app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY,
                LocalDate.of(2027, 1, 1));
        assertThat(firstOfYear).isEqualTo(new RegisteredNumber(1, "01", "01/QĐ-SYT", "000.00.16.H26.2027.01/QĐ-SYT"));
        assertThat(app.nextArrival(AGENCY, newYearsEve).formatted()).isEqualTo("01");
        assertThat(app.nextArrival(AGENCY, newYearsEve).formatted()).isEqualTo("02");
        assertThat(app.nextArrival(AGENCY, LocalDate.of(2027, 1, 1)))
                .isEqualTo(new ArrivalNumber(1, "01", LocalDate.of(2027, 1, 1)));
    }

    @Test
    void secretSeriesIsIndependentOfTheOrdinaryOneAndMarkedInTheSymbol() {
        app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
        app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
        RegisteredNumber secret = app.next(AGENCY, "SYT", DocumentType.DECISION, Series.SECRET, DAY);
        assertThat(secret).isEqualTo(new RegisteredNumber(1, "01", "01/QĐ-SYT/M", "000.00.16.H26.2026.01/QĐ-SYT/M"));
        assertThat(app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY).symbol()).isEqualTo("03/QĐ-SYT");
        assertThat(app.next(AGENCY, "SYT", DocumentType.REPORT, Series.SECRET, DAY).symbol()).isEqualTo("02/BC-SYT/M");

        assertThat(app.nextArrival(AGENCY, DAY).number()).isEqualTo(1);
        assertThat(app.transactions().execute(s -> app.registers().nextArrival(AGENCY, Series.SECRET, DAY)).number())
                .isEqualTo(1);
        assertThat(app.nextArrival(AGENCY, DAY).number()).isEqualTo(2);
    }

    @Test
    void eachAgencyAndTheArrivalRegisterHaveTheirOwnCounters() {
        app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
        app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
        assertThat(app.next(OTHER_AGENCY, "STC", DocumentType.DECISION, Series.ORDINARY, DAY).symbol())
                .isEqualTo("01/QĐ-STC");
        assertThat(app.nextArrival(AGENCY, DAY)).isEqualTo(new ArrivalNumber(1, "01", DAY));
        assertThat(app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY).number()).isEqualTo(3);
    }

    @Test
    void twoApplicationInstancesWithSixteenThreadsIssueNumbersWithoutDuplicatesOrGaps() throws Exception {
        int threadsPerInstance = 8;
        int numbersPerThread = 25;
        Queue<RegisteredNumber> issued = new ConcurrentLinkedQueue<>();
        Queue<ArrivalNumber> arrivals = new ConcurrentLinkedQueue<>();
        try (Instance first = Instance.start("instance-1", 8); Instance second = Instance.start("instance-2", 8)) {
            ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerInstance);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (Instance instance : List.of(first, second)) {
                    for (int t = 0; t < threadsPerInstance; t++) {
                        work.add(threads.submit(() -> {
                            start.await();
                            for (int i = 0; i < numbersPerThread; i++) {
                                issued.add(instance.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY));
                                arrivals.add(instance.nextArrival(AGENCY, DAY));
                            }
                            return null;
                        }));
                    }
                }
                start.countDown();
                for (Future<?> future : work) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        List<String> expected = IntStream.rangeClosed(1, 400).mapToObj(n -> "%02d/QĐ-SYT".formatted(n)).toList();
        assertThat(issued).extracting(RegisteredNumber::symbol)
                .hasSize(400).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(arrivals).extracting(ArrivalNumber::number)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 400).boxed().toList());
    }

    @Test
    void rolledBackTransactionGivesItsNumberBack() {
        assertThat(app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY).number()).isEqualTo(1);

        RegisteredNumber rolledBack = app.transactions().execute(status -> {
            RegisteredNumber number = app.registers().next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
            status.setRollbackOnly();
            return number;
        });
        assertThat(rolledBack.number()).isEqualTo(2);
        assertThatThrownBy(() -> app.transactions().executeWithoutResult(status -> {
            app.registers().nextArrival(AGENCY, DAY);
            app.registers().next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY);
            throw new IllegalStateException("storing the document failed");
        })).hasMessage("storing the document failed");

        assertThat(app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY).symbol()).isEqualTo("02/QĐ-SYT");
        assertThat(app.nextArrival(AGENCY, DAY).number()).isEqualTo(1);
    }

    // ------------------------------------------------------------ registers per issuing unit and kind

    private static final String UNIT_A = "000.00.16.H26";
    private static final String UNIT_B = "000.00.16.H26.VP";

    @Test
    void decisionsAndLettersOfOneIssuingUnitRunInIndependentRegisters() {
        RegisteredNumber decision = app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY);
        RegisteredNumber secondDecision = app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY);
        RegisteredNumber letter = app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.LETTER, DAY);
        RegisteredNumber plan = app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.PLAN, DAY);
        RegisteredNumber report = app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.REPORT, DAY);

        assertThat(decision).isEqualTo(new RegisteredNumber(1, "01", "01/QĐ-SYT", AGENCY + ".2026.01/QĐ-SYT",
                "OUTGOING:" + UNIT_A + ":QD"));
        assertThat(secondDecision.symbol()).isEqualTo("02/QĐ-SYT");
        assertThat(letter).as("letters have their own register").isEqualTo(new RegisteredNumber(1, "01", "01/SYT",
                AGENCY + ".2026.01/SYT", "OUTGOING:" + UNIT_A + ":CV"));
        assertThat(plan.symbol()).as("other kinds share one register").isEqualTo("01/KH-SYT");
        assertThat(report.symbol()).isEqualTo("02/BC-SYT");
        assertThat(report.register()).isEqualTo("OUTGOING:" + UNIT_A + ":VB");
    }

    @Test
    void twoIssuingUnitsKeepIndependentRegisters() {
        app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY);
        app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY);
        RegisteredNumber office = app.nextOutgoing(AGENCY, UNIT_B, "SYT-VP", DocumentType.DECISION, DAY);
        assertThat(office).isEqualTo(new RegisteredNumber(1, "01", "01/QĐ-SYT-VP", AGENCY + ".2026.01/QĐ-SYT-VP",
                "OUTGOING:" + UNIT_B + ":QD"));
        assertThat(app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY).number()).isEqualTo(3);
        assertThat(app.nextOutgoing(AGENCY, UNIT_B, "SYT-VP", DocumentType.DECISION, DAY).number()).isEqualTo(2);
    }

    @Test
    void eachRegisterRestartsAtZeroOneOnTheFirstOfJanuary() {
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        IntStream.range(0, 9).forEach(i -> app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.LETTER, newYearsEve));
        assertThat(app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.LETTER, newYearsEve).symbol())
                .isEqualTo("10/SYT");
        RegisteredNumber first = app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.LETTER,
                LocalDate.of(2027, 1, 1));
        assertThat(first).isEqualTo(new RegisteredNumber(1, "01", "01/SYT", AGENCY + ".2027.01/SYT",
                "OUTGOING:" + UNIT_A + ":CV"));
        assertThat(app.transactions().execute(s -> app.registers().nextOutgoing(AGENCY, UNIT_A, "SYT",
                DocumentType.DECISION, Series.SECRET, LocalDate.of(2027, 1, 2))).symbol())
                .as("the secret series apart inside the register").isEqualTo("01/QĐ-SYT/M");
    }

    @Test
    void theYearOfTheMoveEachNewRegisterContinuesAfterTheAgencysOneRegister() {
        IntStream.range(0, 7).forEach(i -> app.next(AGENCY, "SYT", DocumentType.DECISION, Series.ORDINARY, DAY));
        assertThat(app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY).symbol())
                .as("05/QĐ-SYT was issued already this year").isEqualTo("08/QĐ-SYT");
        assertThat(app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.LETTER, DAY).symbol()).isEqualTo("08/SYT");
        assertThat(app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, DAY).symbol()).isEqualTo("09/QĐ-SYT");
        assertThat(app.nextOutgoing(AGENCY, UNIT_A, "SYT", DocumentType.DECISION, LocalDate.of(2027, 1, 1)).symbol())
                .isEqualTo("01/QĐ-SYT");
    }

    @Test
    void anAgencyGroupsItsKindsAsItConfigures() {
        RegisterKinds kinds = new RegisterKinds(null, null, List.of(new RegisterKinds.Agency(OTHER_AGENCY,
                java.util.Map.of(DocumentType.DECISION, "QD", DocumentType.PLAN, "KH"), "HC")));
        assertThat(kinds.outgoing(OTHER_AGENCY, OTHER_AGENCY, DocumentType.PLAN))
                .isEqualTo("OUTGOING:" + OTHER_AGENCY + ":KH");
        assertThat(kinds.outgoing(OTHER_AGENCY, OTHER_AGENCY, DocumentType.LETTER))
                .as("letters share the agency's other register").isEqualTo("OUTGOING:" + OTHER_AGENCY + ":HC");
        assertThat(kinds.outgoing(AGENCY, AGENCY, DocumentType.LETTER)).isEqualTo("OUTGOING:" + AGENCY + ":CV");
        assertThat(kinds.keysOf(OTHER_AGENCY)).containsExactly("QD", "KH", "HC");
        DocumentRegisters configured = new DocumentRegisters(app.jdbc(), kinds);
        RegisteredNumber plan = app.transactions().execute(s -> configured.nextOutgoing(OTHER_AGENCY, OTHER_AGENCY,
                "STC", DocumentType.PLAN, Series.ORDINARY, DAY));
        RegisteredNumber letter = app.transactions().execute(s -> configured.nextOutgoing(OTHER_AGENCY, OTHER_AGENCY,
                "STC", DocumentType.LETTER, Series.ORDINARY, DAY));
        assertThat(plan.symbol()).isEqualTo("01/KH-STC");
        assertThat(letter.symbol()).isEqualTo("01/STC");
        assertThatThrownBy(() -> new RegisterKinds(java.util.Map.of(DocumentType.PLAN, "kế hoạch"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** One application instance: its own connection pool and registers, transactions as in production. */
    private record Instance(HikariDataSource dataSource, JdbcTemplate jdbc, DocumentRegisters registers,
                            TransactionTemplate transactions) implements AutoCloseable {

        static Instance start(String name, int poolSize) {
            HikariDataSource dataSource = database.pool(name, poolSize);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new Instance(dataSource, jdbc, new DocumentRegisters(jdbc),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }

        RegisteredNumber next(String agency, String issuer, DocumentType type, Series series, LocalDate day) {
            return transactions.execute(status -> registers.next(agency, issuer, type, series, day));
        }

        ArrivalNumber nextArrival(String agency, LocalDate day) {
            return transactions.execute(status -> registers.nextArrival(agency, day));
        }

        RegisteredNumber nextOutgoing(String agency, String unit, String issuer, DocumentType type, LocalDate day) {
            return transactions.execute(status -> registers.nextOutgoing(agency, unit, issuer, type, Series.ORDINARY,
                    day));
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
