package vn.motcua.engine.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;

/**
 * The daily reconciliation of our orders with the provider's statement (đối soát): what we hold paid, pending,
 * failed and cancelled, with totals, and every line on which the two books differ. A provider's paid line for an
 * order we still hold unpaid is recovered by the scheduled run through the same verified path as a notification
 * ({@link Payments#receive}); reading the report changes nothing (inspectors read it too).
 */
@Service
public class PaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    public record Totals(int count, long amountVnd) {
        Totals plus(long amount) {
            return new Totals(count + 1, amountVnd + amount);
        }
    }

    /**
     * A line where the books differ. {@code kind}: PAID_NOT_RECORDED (provider paid, we are not: recoverable),
     * RECORDED_NOT_PAID (we hold it paid, the provider's statement does not), TRANSACTION_DIFFERS,
     * AMOUNT_DIFFERS, UNKNOWN_ORDER.
     */
    public record Mismatch(String kind, String paymentId, String dossierCode, PaymentStatus ours,
                           PaymentResult provider, String providerTransactionId, long amountVnd) {
    }

    /** {@code statementLines}: the provider's lines of the day within the report's unit. */
    public record Report(LocalDate date, String unitId, String provider, Totals paid, Totals pending, Totals failed,
                         Totals cancelled, int statementLines, List<Mismatch> mismatches) {
    }

    private final ObjectProvider<PaymentGateway> gateways;
    private final PaymentOrders orders;
    private final Payments payments;
    private final DossierPolicy policy;
    private final MotcuaProperties properties;
    private final Clock clock;

    PaymentReconciliation(ObjectProvider<PaymentGateway> gateways, PaymentOrders orders, Payments payments,
                          DossierPolicy policy, MotcuaProperties properties, Clock clock) {
        this.gateways = gateways;
        this.orders = orders;
        this.payments = payments;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /** The report of {@code date} for what {@code who} may see: an official's own unit, any unit for inspectors. */
    public Report report(LocalDate date, String unitId, Identity who) {
        String unit = AccessCheck.unitScope(policy, who, unitId);
        return report(date, unit);
    }

    /**
     * Every day, for the day before: recovers what the provider paid and we missed, then logs what still differs. On
     * one node only (ShedLock: the others skip it that day).
     */
    @SchedulerLock(name = "payment-reconciliation", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
    @Scheduled(cron = "${motcua.payment.reconciliation-cron:0 30 0 * * *}", zone = "${motcua.zone:Asia/Ho_Chi_Minh}")
    public void daily() {
        if (gateways.getIfAvailable() != null) {
            reconcile(LocalDate.now(clock.withZone(properties.zone())).minusDays(1));
        }
    }

    /** Applies the provider's paid lines we do not hold paid (verified like notifications); answers the report after. */
    public Report reconcile(LocalDate date) {
        PaymentGateway gateway = gateway();
        for (Mismatch mismatch : report(date, null).mismatches()) {
            if (!mismatch.kind().equals("PAID_NOT_RECORDED")) {
                continue;
            }
            gateway.statement(date).stream().filter(line -> line.orderId().equals(mismatch.paymentId()))
                    .findFirst().ifPresent(line -> {
                        try {
                            payments.receive(gateway.provider(), line, "reconciliation " + date);
                        } catch (Problem e) {
                            log.warn("reconciliation {}: {} not recovered: {}", date, line.orderId(), e.getMessage());
                        }
                    });
        }
        Report after = report(date, null);
        after.mismatches().forEach(m -> log.warn("reconciliation {}: {} {} ({})", date, m.kind(), m.paymentId(),
                m.dossierCode()));
        return after;
    }

    private Report report(LocalDate date, String unitId) {
        PaymentGateway gateway = gateway();
        Instant from = date.atStartOfDay(properties.zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(properties.zone()).toInstant();
        List<PaymentNotification> statement = gateway.statement(date).stream().filter(gateway::authentic).toList();
        Map<String, PaymentNotification> byOrder = new HashMap<>();
        statement.forEach(line -> byOrder.put(line.orderId(), line));

        Map<PaymentStatus, Totals> totals = new HashMap<>();
        for (PaymentStatus status : PaymentStatus.values()) {
            totals.put(status, new Totals(0, 0));
        }
        List<Mismatch> mismatches = new ArrayList<>();
        int lines = 0;
        for (PaymentOrder order : orders.createdBetween(from, to, unitId)) {
            totals.computeIfPresent(order.status(), (status, sum) -> sum.plus(order.amountVnd()));
        }
        for (PaymentNotification line : statement) {
            PaymentOrder order = orders.find(line.orderId()).orElse(null);
            if (order == null) {
                if (unitId == null) {
                    lines++;
                    mismatches.add(new Mismatch("UNKNOWN_ORDER", line.orderId(), null, null, line.result(),
                            line.transactionId(), line.amountVnd()));
                }
                continue;
            }
            if (unitId != null && !unitId.equals(order.unitId())) {
                continue;
            }
            lines++;
            if (line.amountVnd() != order.amountVnd()) {
                mismatches.add(mismatch("AMOUNT_DIFFERS", order, line));
            } else if (line.result() == PaymentResult.PAID && order.status() != PaymentStatus.PAID) {
                mismatches.add(mismatch("PAID_NOT_RECORDED", order, line));
            } else if (line.result() == PaymentResult.PAID
                    && !Objects.equals(line.transactionId(), order.providerTransactionId())) {
                mismatches.add(mismatch("TRANSACTION_DIFFERS", order, line));
            }
        }
        for (PaymentOrder order : orders.paidBetween(from, to, unitId)) {
            PaymentNotification line = byOrder.get(order.id());
            if (order.provider().equals(gateway.provider())
                    && (line == null || line.result() != PaymentResult.PAID)) {
                mismatches.add(new Mismatch("RECORDED_NOT_PAID", order.id(), order.dossierCode(), order.status(),
                        line == null ? null : line.result(), order.providerTransactionId(), order.amountVnd()));
            }
        }
        return new Report(date, unitId, gateway.provider(), totals.get(PaymentStatus.PAID),
                totals.get(PaymentStatus.PENDING), totals.get(PaymentStatus.FAILED),
                totals.get(PaymentStatus.CANCELLED), lines, List.copyOf(mismatches));
    }

    private static Mismatch mismatch(String kind, PaymentOrder order, PaymentNotification line) {
        return new Mismatch(kind, order.id(), order.dossierCode(), order.status(), line.result(),
                line.transactionId(), line.amountVnd());
    }

    private PaymentGateway gateway() {
        PaymentGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "payment-gateway-unavailable", "Chưa có cổng thanh toán"
                    + " trực tuyến", "No online payment gateway", "Không có sao kê để đối soát / No statement to"
                    + " reconcile", null);
        }
        return gateway;
    }
}
