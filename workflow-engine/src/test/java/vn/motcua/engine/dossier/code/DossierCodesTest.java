package vn.motcua.engine.dossier.code;

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

import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.testing.MigratedPostgres;

/**
 * Dossier codes of Circular 01/2018/TT-VPCP Art. 19 against a real PostgreSQL with the production
 * migrations: format, one sequence per agency and day, no duplicates and no gaps across concurrent
 * application instances, numbers given back on rollback, and a clear failure after 9999.
 */
class DossierCodesTest {

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
        app.jdbc().update("delete from dossier_code_counter");
    }

    @Test
    void codeIsAgencyThenYYMMDDThenFourDigitZeroPaddedSequence() {
        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0001");
        List<String> more = IntStream.range(0, 11).mapToObj(i -> app.next(AGENCY, DAY)).toList();
        assertThat(more).first().isEqualTo("000.00.16.H26-261122-0002");
        assertThat(more).last().isEqualTo("000.00.16.H26-261122-0012");
    }

    @Test
    void sequenceRestartsForEachAgencyAndEachDay() {
        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0001");
        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0002");
        assertThat(app.next(OTHER_AGENCY, DAY)).isEqualTo("000.00.17.H26-261122-0001");
        assertThat(app.next(AGENCY, DAY.plusDays(1))).isEqualTo("000.00.16.H26-261123-0001");
        assertThat(app.next(AGENCY, LocalDate.of(2027, 1, 1))).isEqualTo("000.00.16.H26-270101-0001");
        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0003");
    }

    @Test
    void twoApplicationInstancesIssueFourHundredConcurrentCodesWithoutDuplicatesOrGaps() throws Exception {
        int threadsPerInstance = 8;
        int codesPerThread = 25;
        Queue<String> issued = new ConcurrentLinkedQueue<>();
        try (Instance first = Instance.start("instance-1", 8); Instance second = Instance.start("instance-2", 8)) {
            ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerInstance);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> work = new ArrayList<>();
                for (Instance instance : List.of(first, second)) {
                    for (int t = 0; t < threadsPerInstance; t++) {
                        work.add(threads.submit(() -> {
                            start.await();
                            for (int i = 0; i < codesPerThread; i++) {
                                issued.add(instance.next(AGENCY, DAY));
                            }
                            return null;
                        }));
                    }
                }
                start.countDown();
                for (Future<?> future : work) {
                    future.get(30, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        List<String> expected = IntStream.rangeClosed(1, 400)
                .mapToObj(n -> "000.00.16.H26-261122-%04d".formatted(n)).toList();
        assertThat(issued).hasSize(400).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lastNumber(AGENCY, DAY)).isEqualTo(400);
    }

    @Test
    void rolledBackSubmissionGivesItsNumberBack() {
        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0001");

        String rolledBack = app.transactions().execute(status -> {
            String code = app.codes().next(AGENCY, DAY);
            status.setRollbackOnly();
            return code;
        });
        assertThat(rolledBack).isEqualTo("000.00.16.H26-261122-0002");
        assertThatThrownBy(() -> app.transactions().executeWithoutResult(status -> {
            app.codes().next(AGENCY, DAY);
            throw new IllegalStateException("storing the submission failed");
        })).hasMessage("storing the submission failed");

        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0002");
    }

    @Test
    void restartedApplicationContinuesAfterTheLastIssuedNumber() {
        try (Instance beforeRestart = Instance.start("before-restart", 2)) {
            assertThat(beforeRestart.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0001");
            assertThat(beforeRestart.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0002");
            assertThat(beforeRestart.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0003");
        }
        try (Instance afterRestart = Instance.start("after-restart", 2)) {
            assertThat(afterRestart.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-0004");
        }
    }

    @Test
    void nineThousandNineHundredNinetyNinthCodeIsTheLastOfTheDay() {
        app.jdbc().update("insert into dossier_code_counter (agency_id, day, last_number) values (?, ?, 9998)",
                AGENCY, DAY);
        assertThat(app.next(AGENCY, DAY)).isEqualTo("000.00.16.H26-261122-9999");

        assertThatThrownBy(() -> app.next(AGENCY, DAY))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.CONFLICT);
                    assertThat(problem.slug()).isEqualTo("daily-code-range-exhausted");
                    assertThat(problem.titleVi()).isEqualTo("Đã hết dải số mã hồ sơ trong ngày");
                })
                .hasMessageContaining(AGENCY)
                .hasMessageContaining("9999");
        // the failed submission rolled back: the counter did not creep past the range
        assertThat(lastNumber(AGENCY, DAY)).isEqualTo(9999);
        // other agencies and the next day are unaffected
        assertThat(app.next(OTHER_AGENCY, DAY)).isEqualTo("000.00.17.H26-261122-0001");
        assertThat(app.next(AGENCY, DAY.plusDays(1))).isEqualTo("000.00.16.H26-261123-0001");
    }

    private static Integer lastNumber(String agency, LocalDate day) {
        return app.jdbc().queryForObject(
                "select last_number from dossier_code_counter where agency_id = ? and day = ?", Integer.class,
                agency, day);
    }

    /** One application instance: its own connection pool, its own DossierCodes, transactions as in production. */
    private record Instance(HikariDataSource dataSource, JdbcTemplate jdbc, DossierCodes codes,
                            TransactionTemplate transactions) implements AutoCloseable {

        static Instance start(String name, int poolSize) {
            HikariDataSource dataSource = database.pool(name, poolSize);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            return new Instance(dataSource, jdbc, new DossierCodes(jdbc),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }

        String next(String agency, LocalDate day) {
            return transactions.execute(status -> codes.next(agency, day));
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
