package vn.motcua.portal.api;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.payment.PaymentNotification;
import vn.motcua.engine.payment.PaymentOrder;
import vn.motcua.engine.payment.PaymentOrders;
import vn.motcua.engine.payment.PaymentReconciliation;
import vn.motcua.engine.payment.Payments;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.api.ApiModels.CounterPaymentRequest;
import vn.motcua.portal.api.ApiModels.DossierView;

/**
 * Paying fees (phí, lệ phí): the applicant's online order, the provider's signed notification (public, accepted only
 * with a valid signature), a payment at the counter recorded by reception, and the daily reconciliation. The rules
 * are in {@link Payments}; this class only translates HTTP.
 */
@RestController
@Validated
@Tag(name = "Thanh toán / Payments")
public class PaymentController {

    private static final String CODE = DossierCodes.PATTERN;

    private final Payments payments;
    private final PaymentOrders orders;
    private final PaymentReconciliation reconciliation;
    private final DossierPolicy policy;
    private final DossierRegistry registry;
    private final ObjectMapper json;

    public PaymentController(Payments payments, PaymentOrders orders, PaymentReconciliation reconciliation,
                             DossierPolicy policy, DossierRegistry registry, ObjectMapper json) {
        this.payments = payments;
        this.orders = orders;
        this.reconciliation = reconciliation;
        this.policy = policy;
        this.registry = registry;
        this.json = json;
    }

    @Operation(summary = "Tạo đơn thanh toán trực tuyến phí, lệ phí / Open an online payment of the fee",
            description = "The applicant, for their own dossier awaiting its fee. While an order is pending the same"
                    + " order is answered again. Send the payer to payUrl.")
    @PostMapping("/api/v1/dossiers/{code}/payments")
    public ResponseEntity<Payments.OpenedOrder> open(@PathVariable @Pattern(regexp = CODE) String code,
                                                     @Parameter(hidden = true) Identity who) {
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.open(code, who));
    }

    @Operation(summary = "Các đơn thanh toán của hồ sơ / The dossier's payment orders")
    @GetMapping("/api/v1/dossiers/{code}/payments")
    public List<PaymentOrder> list(@PathVariable @Pattern(regexp = CODE) String code,
                                   @Parameter(hidden = true) Identity who) {
        AccessCheck.toSee(policy, who, code, registry.find(code));
        return orders.ofDossier(code);
    }

    @Operation(summary = "Ghi nhận nộp phí tại Bộ phận Một cửa / Record a fee paid at the counter",
            description = "Reception of the dossier's unit, with the receipt number and the amount on it")
    @PostMapping(path = "/api/v1/dossiers/{code}/payments/counter", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DossierView counter(@PathVariable @Pattern(regexp = CODE) String code,
                               @RequestBody @Valid CounterPaymentRequest request,
                               @Parameter(hidden = true) Identity who) {
        return DossierView.of(payments.counter(code, request.receiptNumber(), request.amountVnd(), who));
    }

    @Operation(summary = "Thông báo kết quả thanh toán từ cổng thanh toán / A provider's payment notification",
            description = "Server to server, public: accepted only with a valid HMAC-SHA256 signature over"
                    + " orderId|amountVnd|transactionId|result|time. A repeat gets the same answer and changes nothing.")
    @PostMapping(path = "/api/v1/public/payments/notifications/{provider}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    public Payments.Acknowledgement notification(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,32}") String provider,
                                                 @RequestBody @Size(max = 16384) String body) {
        PaymentNotification notification;
        try {
            notification = json.readValue(body, PaymentNotification.class);
        } catch (JsonProcessingException e) {
            throw Problem.invalid("body", "Thông báo thanh toán không đọc được / Unreadable payment notification");
        }
        if (notification.orderId() == null || notification.transactionId() == null || notification.result() == null
                || notification.time() == null) {
            throw Problem.invalid("orderId", "Thiếu orderId, transactionId, result hoặc time / Missing fields");
        }
        return payments.receive(provider, notification, body);
    }

    @Operation(summary = "Đối soát thanh toán trong ngày / The day's payment reconciliation",
            description = "Reception and leaders see their unit, inspectors every unit (or the unit they name)")
    @GetMapping("/api/v1/payments/reconciliation")
    public PaymentReconciliation.Report reconciliation(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Size(max = 64) String unitId,
            @Parameter(hidden = true) Identity who) {
        return reconciliation.report(date, unitId, who);
    }
}
