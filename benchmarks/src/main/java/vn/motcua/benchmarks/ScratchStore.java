package vn.motcua.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.engine.audit.AuditRecords;
import vn.motcua.engine.audit.Sealing;
import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;

/**
 * A database of the benchmarks' own on the application's PostgreSQL server, migrated by the application's Flyway
 * migrations (event store, audit trail, Camunda…): there the event-store and sealing benchmarks append and seal
 * through motcua's own components — Axon's JDBC storage engine configured as the application configures it (same
 * schema, serializer and exception resolver, Spring transactions), {@link Sealing} with a dev PKI's keys — without
 * their made-up events reaching the application's tracking processors, read models and indexes.
 */
final class ScratchStore implements AutoCloseable {

    static final String UNIT = "000.00.16.H26";
    static final String OFFICIAL = "reception-hn";

    private final Run run;
    private final String jdbcUrl;
    private final Run.Database database;
    private final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;
    final DevPki pki;
    final Signer signer;
    final AuditRecords records;
    final Sealing sealing;

    private ScratchStore(Run run, String name, int connections) throws Exception {
        this.run = run;
        this.database = run.database();
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
        }
        this.jdbcUrl = database.jdbcUrl(name);
        this.dataSource = pool(jdbcUrl, connections);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Path keys = run.work(name).resolve("pki");
        this.pki = DevPki.open(keys, "bench".toCharArray(), "bench", "http://localhost/", Clock.systemUTC());
        pki.enrolSeal(UNIT, "Sở Y tế Hà Nội");
        pki.enrolOfficial(OFFICIAL, "Lê Thị Thu", UNIT);
        this.signer = pki.signer();
        this.records = new AuditRecords(jdbc);
        records.certificates(List.of(pki.rootCertificate(), pki.issuingCertificate()));
        records.certificates(pki.timestampingKey().chain());
        records.crl(pki.crl());
        this.sealing = new Sealing(jdbc, signer, records, null);
    }

    /** A new database {@code name} (dropped first if a previous run left it), migrated, with its keys. */
    static ScratchStore create(Run run, String name, int connections) throws Exception {
        return new ScratchStore(run, name, connections);
    }

    static HikariDataSource pool(String jdbcUrl, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(connections);
        return new HikariDataSource(config);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** A table of the event table's shape (columns, keys, indexes), with a global index sequence of its own. */
    void copyEventTable(String table) {
        jdbc.execute("drop table if exists " + table);
        jdbc.execute("create table " + table + " (like domain_event_entry including all)");
        jdbc.execute("create sequence " + table + "_global_index_seq owned by " + table + ".global_index");
        jdbc.execute("alter table " + table + " alter column global_index set default nextval('" + table
                + "_global_index_seq')");
    }

    /**
     * Axon's JDBC storage engine appending into {@code table} as the application's own engine appends into
     * {@code domain_event_entry}: the application's event schema (its table name replaced), event serializer and
     * exception resolver, Spring-managed connections and transactions over {@code pool}.
     */
    JdbcEventStorageEngine engine(String table, javax.sql.DataSource pool) throws java.io.IOException {
        EventSchema schema = run.bean(EventSchema.class);
        Serializer serializer = eventSerializer();
        return JdbcEventStorageEngine.builder()
                .schema(EventSchema.builder().eventTable(table).snapshotTable(schema.snapshotTable())
                        .globalIndexColumn(schema.globalIndexColumn()).timestampColumn(schema.timestampColumn())
                        .eventIdentifierColumn(schema.eventIdentifierColumn())
                        .aggregateIdentifierColumn(schema.aggregateIdentifierColumn())
                        .sequenceNumberColumn(schema.sequenceNumberColumn()).typeColumn(schema.typeColumn())
                        .payloadTypeColumn(schema.payloadTypeColumn())
                        .payloadRevisionColumn(schema.payloadRevisionColumn()).payloadColumn(schema.payloadColumn())
                        .metaDataColumn(schema.metaDataColumn()).build())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(run.bean(PersistenceExceptionResolver.class))
                .connectionProvider(new SpringDataSourceConnectionProvider(pool))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(pool)))
                .dataType(byte[].class)
                .build();
    }

    /** The serializer the application's event store writes events with. */
    Serializer eventSerializer() throws java.io.IOException {
        return run.application().getBean("eventSerializer", Serializer.class);
    }

    /**
     * A dossier step's event as the aggregate would apply it (about 1 KB of JSON once serialized): the submission
     * (sequence 0, by the citizen, naming the unit) or a later step by the reception official (odd sequence numbers)
     * or the citizen.
     */
    static DomainEventMessage<Map<String, Object>> step(String dossier, long sequence) {
        boolean official = sequence % 2 == 1;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", dossier);
        if (sequence == 0) {
            payload.put("procedureCode", "1.002600");
            payload.put("unitId", UNIT);
            payload.put("applicant", Map.of("fullName", "Nguyễn Văn An", "idNumber", "001099012345",
                    "phone", "0912345678", "email", "an@example.vn", "address", "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"));
            payload.put("form", Map.of("productName", "Kem dưỡng da Sen Việt", "brand", "Sen Việt",
                    "manufacturer", "Công ty TNHH Mỹ phẩm Sen Việt"));
        } else {
            payload.put("decision", "ACCEPTED");
            payload.put("dueDate", "2026-12-21");
            payload.put("note", "Tiếp nhận hồ sơ công bố sản phẩm mỹ phẩm; hẹn trả kết quả sau 3 ngày làm việc kể từ"
                    + " ngày nhận đủ hồ sơ hợp lệ theo quy định của Bộ Y tế về quản lý mỹ phẩm.");
            payload.put("legalBasis", List.of("Luật Chất lượng sản phẩm, hàng hóa 2007",
                    "Nghị định 93/2016/NĐ-CP về điều kiện sản xuất mỹ phẩm", "Thông tư 06/2011/TT-BYT"));
        }
        payload.put("comment", "Hồ sơ đầy đủ, hợp lệ theo quy định tại Thông tư 06/2011/TT-BYT");
        payload.put("documents", List.of(Map.of("name", "phieu-cong-bo.pdf", "mediaType", "application/pdf",
                "size", 48213, "sha256", "9f2b5c0e8a7d4b3c2a1908f7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3")));
        payload.put("actor", official
                ? Map.of("id", OFFICIAL, "name", "Lê Thị Thu (Một cửa Sở Y tế Hà Nội)", "role", "RECEPTION",
                        "unitId", UNIT)
                : Map.of("id", "citizen-a", "name", "Nguyễn Văn An", "role", "CITIZEN"));
        payload.put("at", Instant.now().toString());
        return new GenericDomainEventMessage<>("Dossier", dossier, sequence, payload);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
