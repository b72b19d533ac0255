package vn.motcua.engine.payment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import vn.motcua.engine.config.PublicAddress;

/**
 * A fake payment provider for the embedded default and tests — CỔNG THANH TOÁN THỬ NGHIỆM / SANDBOX, never in
 * production ({@code ProductionChecklist}). It behaves like a real one: it keeps its own books
 * ({@code sandbox_payment_ledger}), shows the payer a page, and on "pay" or "cancel" sends the HMAC-SHA256-signed
 * notification over HTTP to this application's public notification door, as any provider would; its daily
 * statement is its books. Its secret is shared with the verifying side only through configuration.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    public static final String PROVIDER = "sandbox";
    public static final String PAGE = "/api/v1/public/sandbox-payment/";
    public static final String NOTIFICATIONS = "/api/v1/public/payments/notifications/" + PROVIDER;

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentGateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the sandbox shows the payer about an order. */
    public record Order(String orderId, String dossierCode, String agencyName, long amountVnd, String status,
                        String transactionId) {
    }

    /** What became of the payer's choice: the result, and whether the application acknowledged the notification. */
    public record Outcome(Order order, boolean delivered, String answer) {
    }

    private final byte[] secret;
    private final JdbcTemplate jdbc;
    private final PublicAddress address;
    private final Clock clock;
    private final ZoneId zone;
    private final RestClient http;

    public SandboxPaymentGateway(byte[] secret, JdbcTemplate jdbc, PublicAddress address, Clock clock, ZoneId zone) {
        this.secret = secret.clone();
        this.jdbc = jdbc;
        this.address = address;
        this.clock = clock;
        this.zone = zone;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String open(PaymentOrder order, String dossierCode, String agencyName) {
        jdbc.update("insert into sandbox_payment_ledger (order_id, dossier_code, unit_name, amount_vnd, status,"
                        + " created_at) values (?, ?, ?, ?, 'PENDING', ?) on conflict (order_id) do nothing",
                order.id(), dossierCode, agencyName, order.amountVnd(), Timestamp.from(clock.instant()));
        return address.baseUrl() + PAGE + order.id();
    }

    @Override
    public boolean authentic(PaymentNotification notification) {
        return PaymentSignature.verify(secret, notification.signedText(), notification.signature());
    }

    @Override
    public List<PaymentNotification> statement(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return jdbc.query("select order_id, amount_vnd, transaction_id, status, settled_at from sandbox_payment_ledger"
                        + " where settled_at >= ? and settled_at < ? order by settled_at",
                (rs, n) -> new PaymentNotification(rs.getString("order_id"), rs.getLong("amount_vnd"),
                        rs.getString("transaction_id"), PaymentResult.valueOf(rs.getString("status")),
                        rs.getTimestamp("settled_at").toInstant().toString(), null).signedWith(secret),
                Timestamp.from(from), Timestamp.from(to));
    }

    public Optional<Order> order(String orderId) {
        return jdbc.query("select order_id, dossier_code, unit_name, amount_vnd, status, transaction_id"
                        + " from sandbox_payment_ledger where order_id = ?",
                (rs, n) -> new Order(rs.getString("order_id"), rs.getString("dossier_code"), rs.getString("unit_name"),
                        rs.getLong("amount_vnd"), rs.getString("status"), rs.getString("transaction_id")), orderId)
                .stream().findFirst();
    }

    /**
     * The payer pays or cancels on the sandbox page: the sandbox settles the order in its books (once; a second
     * click sends the same notification again, as providers retry) and notifies the application.
     */
    public Optional<Outcome> act(String orderId, PaymentResult result) {
        settle(orderId, result, clock.instant());
        return order(orderId).map(order -> {
            PaymentNotification notification = notificationOf(orderId).orElseThrow();
            try {
                String answer = http.post().uri(address.baseUrl() + NOTIFICATIONS)
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("orderId", notification.orderId(),
                                "amountVnd", notification.amountVnd(), "transactionId", notification.transactionId(),
                                "result", notification.result().name(), "time", notification.time(),
                                "signature", notification.signature()))
                        .retrieve().body(String.class);
                return new Outcome(order, true, answer);
            } catch (RestClientException e) {
                log.warn("sandbox: the notification of {} was not acknowledged: {}", orderId, e.getMessage());
                return new Outcome(order, false, e.getMessage());
            }
        });
    }

    /** Settles the order in the sandbox's books only, as when a provider's notification is lost on the way. */
    public void settle(String orderId, PaymentResult result, Instant at) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        jdbc.update("update sandbox_payment_ledger set status = ?, transaction_id = ?, settled_at = ?"
                        + " where order_id = ? and status = 'PENDING'", result.name(),
                "SBX" + HexFormat.of().withUpperCase().formatHex(bytes), Timestamp.from(at), orderId);
    }

    private Optional<PaymentNotification> notificationOf(String orderId) {
        return jdbc.query("select order_id, amount_vnd, transaction_id, status, settled_at from sandbox_payment_ledger"
                        + " where order_id = ? and settled_at is not null",
                (rs, n) -> new PaymentNotification(rs.getString("order_id"), rs.getLong("amount_vnd"),
                        rs.getString("transaction_id"), PaymentResult.valueOf(rs.getString("status")),
                        rs.getTimestamp("settled_at").toInstant().toString(), null).signedWith(secret), orderId)
                .stream().findFirst();
    }
}
