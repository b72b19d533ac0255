package vn.motcua.engine.payment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.DossierEvent.PaymentChannel;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.dossier.process.DossierFees;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.Steps;
import vn.motcua.engine.problem.Problem;

/**
 * Paying a dossier's fee (Decree 45/2020/ND-CP on administrative procedures performed electronically; Decree
 * 61/2018/ND-CP, as amended by Decree 107/2021/ND-CP): online through a {@link PaymentGateway} — an order, the
 * payer at the provider, the provider's signed notification verified here (signature over the exact fields, the
 * order's exact amount, each transaction applied once, a late "failed" after "paid" changing nothing) — or at the
 * one-stop counter against a receipt. A payer's own claim of having paid is never proof. Opening an order while one
 * is pending answers the pending one (same id, same page), so a double click never makes two orders.
 */
@Service
public class Payments {

    public record OpenedOrder(String paymentId, long amountVnd, String payUrl) {
    }

    /** What a provider is told for its notification: the same for a repeat of it. */
    public record Acknowledgement(String paymentId, PaymentStatus status, String transactionId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectProvider<PaymentGateway> gateways;
    private final PaymentOrders orders;
    private final DossierRegistry registry;
    private final DossierPolicy policy;
    private final DossierWorkflow workflow;
    private final DossierFees fees;
    private final MotcuaProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Payments(ObjectProvider<PaymentGateway> gateways, PaymentOrders orders, DossierRegistry registry,
             DossierPolicy policy, DossierWorkflow workflow, DossierFees fees, MotcuaProperties properties,
             TransactionTemplate transaction, Clock clock) {
        this.gateways = gateways;
        this.orders = orders;
        this.registry = registry;
        this.policy = policy;
        this.workflow = workflow;
        this.fees = fees;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The gateway's identity in the dossier's events: the system, on the provider's verified word. */
    static Actor gatewayActor(String provider) {
        return new Actor("payment-gateway:" + provider, "Cổng thanh toán trực tuyến (" + provider
                + ") / Online payment gateway", Role.SYSTEM, null);
    }

    /** The applicant opens an order for the fee requested of their dossier (or gets the pending one again). */
    public OpenedOrder open(String code, Identity who) {
        Steps.actorAs(who, Role.CITIZEN);
        DossierSummary dossier = AccessCheck.toAct(policy, who, code, registry.find(code));
        PaymentGateway gateway = gateway();
        if (dossier.status() != DossierStatus.PAYMENT_REQUESTED) {
            throw new Problem(Problem.Kind.CONFLICT, "no-fee-awaited", "Hồ sơ không có khoản phí đang chờ nộp",
                    "No fee is awaiting payment", "Hồ sơ " + code + " không ở trạng thái chờ nộp phí, lệ phí / Dossier "
                    + code + " is not awaiting a fee", null);
        }
        long amount = fees.requested(code).orElseThrow();
        String agency = properties.unit(dossier.unitId()).map(MotcuaProperties.OrgUnit::name).orElse(dossier.unitId());
        try {
            return openOrder(code, dossier.unitId(), amount, agency, gateway);
        } catch (DuplicateKeyException concurrent) {
            return openOrder(code, dossier.unitId(), amount, agency, gateway); // another request opened it first
        }
    }

    private OpenedOrder openOrder(String code, String unitId, long amount, String agency, PaymentGateway gateway) {
        return Steps.inOneTransaction(transaction, () -> {
            Optional<PaymentOrder> pending = orders.pending(code);
            PaymentOrder order = pending.orElseGet(() -> new PaymentOrder(newId(), code, unitId, amount,
                    gateway.provider(), PaymentStatus.PENDING, null, clock.instant(), null));
            if (pending.isEmpty()) {
                orders.insert(order);
            }
            return new OpenedOrder(order.id(), order.amountVnd(), gateway.open(order, code, agency));
        });
    }

    /**
     * A provider's notification: only a verified one, for a known order and its exact amount, changes anything; the
     * order becoming PAID, the dossier's {@code PaymentReceived} and the process moving on are one transaction.
     */
    public Acknowledgement receive(String provider, PaymentNotification notification, String raw) {
        PaymentGateway gateway = gateway();
        if (!gateway.provider().equals(provider)) {
            throw Problem.notFound("payment-provider", "Không có cổng thanh toán '" + provider + "' / Unknown provider");
        }
        if (!gateway.authentic(notification)) {
            throw new Problem(Problem.Kind.INVALID_INPUT, "payment-signature-invalid", "Chữ ký thông báo thanh toán"
                    + " không hợp lệ", "Invalid payment notification signature", "Chữ ký HMAC-SHA256 không khớp với"
                    + " nội dung / The HMAC-SHA256 signature does not match the fields", "signature");
        }
        try {
            return Steps.inOneTransaction(transaction, () -> apply(notification, raw, gateway.provider()));
        } catch (DuplicateKeyException e) {
            throw new Problem(Problem.Kind.CONFLICT, "payment-transaction-reused", "Mã giao dịch đã dùng cho đơn"
                    + " khác", "Transaction id already used", "Giao dịch " + notification.transactionId()
                    + " đã được ghi cho đơn thanh toán khác / already recorded for another order", "transactionId");
        }
    }

    private Acknowledgement apply(PaymentNotification notification, String raw, String provider) {
        PaymentOrder order = orders.lock(notification.orderId()).orElseThrow(() -> Problem.notFound("payment",
                "Không có đơn thanh toán " + notification.orderId() + " / Unknown payment order"));
        if (notification.amountVnd() != order.amountVnd()) {
            throw new Problem(Problem.Kind.INVALID_INPUT, "payment-amount-mismatch", "Số tiền không khớp đơn"
                    + " thanh toán", "Amount does not match the order", "Đơn " + order.id() + " có số tiền "
                    + order.amountVnd() + " đồng / The order is for " + order.amountVnd() + " VND", "amountVnd");
        }
        Instant now = clock.instant();
        if (order.status() == PaymentStatus.PAID) {
            if (notification.result() == PaymentResult.PAID
                    && !notification.transactionId().equals(order.providerTransactionId())) {
                throw new Problem(Problem.Kind.CONFLICT, "payment-already-paid", "Đơn đã được thanh toán bằng giao"
                        + " dịch khác", "Order already paid by another transaction", "Đơn " + order.id()
                        + " đã thanh toán (giao dịch " + order.providerTransactionId() + ") / already paid",
                        "transactionId");
            }
            return acknowledgement(order.id()); // a repeat, or a late "failed": nothing changes
        }
        if (notification.result() == PaymentResult.PAID) {
            DossierStatus status = registry.find(order.dossierCode()).map(DossierSummary::status).orElse(null);
            if (status != DossierStatus.PAYMENT_REQUESTED) {
                // paid at the counter meanwhile, or withdrawn: the money needs a refund, reconciliation shows it
                return acknowledgement(order.id());
            }
            orders.markPaid(order.id(), notification.transactionId(), raw, providerTime(notification, now));
            orders.cancelPending(order.dossierCode(), now); // an older order revived by its late "paid": no other
            workflow.recordPayment(order.dossierCode(), order.amountVnd(), PaymentChannel.ONLINE, provider,
                    notification.transactionId(), gatewayActor(provider));
        } else if (order.status() == PaymentStatus.PENDING) {
            orders.close(order.id(), notification.result() == PaymentResult.CANCELLED ? PaymentStatus.CANCELLED
                    : PaymentStatus.FAILED, notification.transactionId(), raw, now);
        }
        return acknowledgement(order.id());
    }

    /** When the provider says the payment settled (its statement's day), or now if it wrote no readable time. */
    private static Instant providerTime(PaymentNotification notification, Instant now) {
        try {
            return notification.time() == null ? now : Instant.parse(notification.time());
        } catch (java.time.format.DateTimeParseException e) {
            return now;
        }
    }

    private Acknowledgement acknowledgement(String id) {
        PaymentOrder order = orders.find(id).orElseThrow();
        return new Acknowledgement(order.id(), order.status(), order.providerTransactionId());
    }

    /** Reception records a fee paid at the counter of the dossier's unit, with its receipt number. */
    public DossierSummary counter(String code, String receiptNumber, long amountVnd, Identity who) {
        Actor reception = Steps.actorAs(who, Role.RECEPTION);
        AccessCheck.toAct(policy, who, code, registry.find(code));
        if (receiptNumber == null || receiptNumber.isBlank()) {
            throw Problem.invalid("receiptNumber", "Nhập số biên lai thu phí, lệ phí / Enter the receipt number");
        }
        Steps.inOneTransaction(transaction, () -> {
            orders.cancelPending(code, clock.instant());
            workflow.recordPayment(code, amountVnd, PaymentChannel.COUNTER, "counter", receiptNumber.strip(),
                    reception);
            return null;
        });
        return AccessCheck.toSee(policy, who, code, registry.find(code));
    }

    private PaymentGateway gateway() {
        PaymentGateway gateway = gateways.getIfAvailable();
        if (gateway == null) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "payment-gateway-unavailable", "Chưa có cổng thanh toán"
                    + " trực tuyến", "No online payment gateway", "Vui lòng nộp phí tại Bộ phận Một cửa / Please pay"
                    + " at the one-stop counter", null);
        }
        return gateway;
    }

    private static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "PAY" + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
