package vn.motcua.engine.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The orders in PostgreSQL ({@code payment_order}, V60). Status changes are conditional updates: first one wins. */
@Component
public class PaymentOrders {

    private static final String COLUMNS = "id, dossier_code, unit_id, amount_vnd, provider, status,"
            + " provider_transaction_id, created_at, paid_at";

    private final JdbcTemplate jdbc;

    PaymentOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PaymentOrder order) {
        jdbc.update("insert into payment_order (id, dossier_code, unit_id, amount_vnd, provider, status, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", order.id(), order.dossierCode(), order.unitId(),
                order.amountVnd(), order.provider(), order.status().name(), Timestamp.from(order.createdAt()));
    }

    public Optional<PaymentOrder> find(String id) {
        return jdbc.query("select " + COLUMNS + " from payment_order where id = ?", PaymentOrders::row, id)
                .stream().findFirst();
    }

    /** The order, its row locked until the end of the transaction: notifications of one order go one at a time. */
    Optional<PaymentOrder> lock(String id) {
        return jdbc.query("select " + COLUMNS + " from payment_order where id = ? for update", PaymentOrders::row, id)
                .stream().findFirst();
    }

    Optional<PaymentOrder> pending(String dossierCode) {
        return jdbc.query("select " + COLUMNS + " from payment_order where dossier_code = ? and status = 'PENDING'"
                + " order by created_at desc limit 1", PaymentOrders::row, dossierCode).stream().findFirst();
    }

    public List<PaymentOrder> ofDossier(String dossierCode) {
        return jdbc.query("select " + COLUMNS + " from payment_order where dossier_code = ? order by created_at",
                PaymentOrders::row, dossierCode);
    }

    /** Orders created in [from, to), of one unit or (null) of all. */
    List<PaymentOrder> createdBetween(Instant from, Instant to, String unitId) {
        return jdbc.query("select " + COLUMNS + " from payment_order where created_at >= ? and created_at < ?"
                        + " and (cast(? as varchar) is null or unit_id = ?) order by created_at", PaymentOrders::row,
                Timestamp.from(from), Timestamp.from(to), unitId, unitId);
    }

    /** Orders paid in [from, to), of one unit or (null) of all. */
    List<PaymentOrder> paidBetween(Instant from, Instant to, String unitId) {
        return jdbc.query("select " + COLUMNS + " from payment_order where paid_at >= ? and paid_at < ?"
                        + " and (cast(? as varchar) is null or unit_id = ?) order by paid_at", PaymentOrders::row,
                Timestamp.from(from), Timestamp.from(to), unitId, unitId);
    }

    boolean markPaid(String id, String transactionId, String raw, Instant at) {
        return jdbc.update("update payment_order set status = 'PAID', provider_transaction_id = ?, paid_at = ?,"
                        + " raw_notification = ? where id = ? and status <> 'PAID'", transactionId, Timestamp.from(at),
                raw, id) == 1;
    }

    boolean close(String id, PaymentStatus status, String transactionId, String raw, Instant at) {
        return jdbc.update("update payment_order set status = ?, closed_at = ?, raw_notification = ?,"
                        + " provider_transaction_id = coalesce(provider_transaction_id, ?)"
                        + " where id = ? and status = 'PENDING'", status.name(), Timestamp.from(at), raw,
                transactionId, id) == 1;
    }

    int cancelPending(String dossierCode, Instant at) {
        return jdbc.update("update payment_order set status = 'CANCELLED', closed_at = ? where dossier_code = ?"
                + " and status = 'PENDING'", Timestamp.from(at), dossierCode);
    }

    private static PaymentOrder row(ResultSet rs, int n) throws SQLException {
        Timestamp paid = rs.getTimestamp("paid_at");
        return new PaymentOrder(rs.getString("id"), rs.getString("dossier_code"), rs.getString("unit_id"),
                rs.getLong("amount_vnd"), rs.getString("provider"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("provider_transaction_id"), rs.getTimestamp("created_at").toInstant(),
                paid == null ? null : paid.toInstant());
    }
}
