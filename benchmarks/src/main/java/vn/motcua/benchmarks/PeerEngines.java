package vn.motcua.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The bare engines motcua is compared with, each on a database of its own in the run's PostgreSQL server (dropped
 * and created afresh), a Hikari pool of 10, its job executor off and its history at the level asked: the BPMN of
 * {@code peers/five-user-tasks.bpmn} (a start and five sequential user tasks) started with ten string variables,
 * each task found by its process instance and completed — as a client of the engine's Java API would.
 */
final class PeerEngines {

    static final String BPMN = "peers/five-user-tasks.bpmn";
    static final String PROCESS_KEY = "fiveUserTasks";
    static final int USER_TASKS = 5;

    private PeerEngines() {
    }

    /** One engine under load: its walk, and, at the end, the proof that the work was done. */
    interface Peer extends AutoCloseable, ThroughputLoad.Walk {
        String label();

        /** The history level the engine runs with, in its own words. */
        String historyLevel();

        /** Throws unless every instance started has ended (and its history is there); answers how many. */
        long checkAllEnded();

        /** Rows in the engine's history tables per ended instance. */
        double historyRowsPerInstance();

        @Override
        void close();
    }

    /** The ten string variables every instance starts with (the shape of shared/notes/baselines.md). */
    static Map<String, Object> variables(int instance) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            variables.put("var" + i, "value " + i + " of instance " + instance);
        }
        return variables;
    }

    /** A new, empty database on the run's server, reached through its own pool of 10. */
    static HikariDataSource freshDatabase(Run.Database server, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(name));
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(10);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** Rows in the tables whose names start with {@code prefix} (lower case), counted exactly. */
    static long rows(HikariDataSource database, String prefix) throws Exception {
        List<String> tables = new ArrayList<>();
        long rows = 0;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet names = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and lower(table_name) like '" + prefix + "%'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
        }
        return rows;
    }

    /** Camunda 7 as a bare engine: {@code StandaloneProcessEngineConfiguration}, history as asked. */
    static Peer camunda(Run.Database server, String history) throws Exception {
        HikariDataSource database = freshDatabase(server, "bench_camunda");
        org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration configuration =
                new org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bench-camunda");
        configuration.setDataSource(database);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(history);
        configuration.setJobExecutorActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        org.camunda.bpm.engine.ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).deploy();
        AtomicInteger started = new AtomicInteger();
        return new Peer() {
            @Override
            public String label() {
                return "Camunda " + Machine.version("org.camunda.bpm.engine.ProcessEngine");
            }

            @Override
            public String historyLevel() {
                return history.toUpperCase();
            }

            @Override
            public void instance(ThroughputLoad.Steps steps) throws Exception {
                Map<String, Object> variables = variables(started.incrementAndGet());
                String id = steps.time(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey(PROCESS_KEY, variables).getId());
                for (int i = 0; i < USER_TASKS; i++) {
                    steps.time(() -> {
                        org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery()
                                .processInstanceId(id).singleResult();
                        engine.getTaskService().complete(task.getId());
                    });
                }
            }

            @Override
            public long checkAllEnded() {
                long running = engine.getRuntimeService().createProcessInstanceQuery().count();
                long ended = engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
                if (running != 0 || ("full".equals(history) && ended != started.get())) {
                    throw new IllegalStateException("Camunda: " + started.get() + " instances started, " + ended
                            + " ended in its history, " + running + " still running");
                }
                return started.get();
            }

            @Override
            public double historyRowsPerInstance() {
                try {
                    return rows(database, "act_hi_") / (double) started.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                engine.close();
                database.close();
            }
        };
    }

    /** Flowable as a bare engine: its {@code StandaloneProcessEngineConfiguration}, history as asked. */
    static Peer flowable(Run.Database server, org.flowable.common.engine.impl.history.HistoryLevel history)
            throws Exception {
        HikariDataSource database = freshDatabase(server, "bench_flowable");
        org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration configuration =
                new org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration();
        configuration.setEngineName("bench-flowable");
        configuration.setDataSource(database);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistoryLevel(history);
        configuration.setAsyncExecutorActivate(false);
        org.flowable.engine.ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).deploy();
        AtomicInteger started = new AtomicInteger();
        return new Peer() {
            @Override
            public String label() {
                return "Flowable " + Machine.version("org.flowable.engine.ProcessEngine");
            }

            @Override
            public String historyLevel() {
                return history.name();
            }

            @Override
            public void instance(ThroughputLoad.Steps steps) throws Exception {
                Map<String, Object> variables = variables(started.incrementAndGet());
                String id = steps.time(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey(PROCESS_KEY, variables).getId());
                for (int i = 0; i < USER_TASKS; i++) {
                    steps.time(() -> {
                        org.flowable.task.api.Task task = engine.getTaskService().createTaskQuery()
                                .processInstanceId(id).singleResult();
                        engine.getTaskService().complete(task.getId());
                    });
                }
            }

            @Override
            public long checkAllEnded() {
                long running = engine.getRuntimeService().createProcessInstanceQuery().count();
                long ended = engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count();
                if (running != 0 || (history == org.flowable.common.engine.impl.history.HistoryLevel.FULL
                        && ended != started.get())) {
                    throw new IllegalStateException("Flowable: " + started.get() + " instances started, " + ended
                            + " ended in its history, " + running + " still running");
                }
                return started.get();
            }

            @Override
            public double historyRowsPerInstance() {
                try {
                    return rows(database, "act_hi_") / (double) started.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
                engine.close();
                database.close();
            }
        };
    }
}
