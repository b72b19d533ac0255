package vn.motcua.portal.api;

import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.payment.PaymentResult;
import vn.motcua.engine.payment.SandboxPaymentGateway;
import vn.motcua.engine.problem.Problem;

/**
 * The sandbox provider's pages (CỔNG THANH TOÁN THỬ NGHIỆM / SANDBOX), served by the application only while the
 * sandbox is the configured provider: the payer sees the agency, the dossier and the amount, and pays or cancels.
 * No session: like a real provider's page it knows only the order in its address. An automated client may
 * {@code POST} the page with {@code action=pay} or {@code action=cancel}.
 */
@RestController
@Validated
@Tag(name = "Cổng thanh toán thử nghiệm / Sandbox payment provider")
public class SandboxPaymentController {

    private static final String ID = "PAY[0-9A-F]{20}";

    /** Where the payer goes back to: their dossier's page, which shows the payment once the dossier has it. */
    static final String RETURN = "/my/dossiers/";

    private final ObjectProvider<SandboxPaymentGateway> sandbox;

    public SandboxPaymentController(ObjectProvider<SandboxPaymentGateway> sandbox) {
        this.sandbox = sandbox;
    }

    @Operation(summary = "Trang thanh toán thử nghiệm / The sandbox payment page")
    @GetMapping(path = SandboxPaymentGateway.PAGE + "{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable @Pattern(regexp = ID) String paymentId) {
        SandboxPaymentGateway.Order order = order(paymentId);
        String body = order.status().equals("PENDING") ? """
                <form method="post" action="%s">
                  <button type="submit" name="action" value="pay">Thanh toán / Pay</button>
                  <button type="submit" name="action" value="cancel">Huỷ / Cancel</button>
                </form>""".formatted(esc(SandboxPaymentGateway.PAGE + paymentId))
                : "<p>Đơn đã được xử lý / This order is settled: " + esc(statusVi(order.status())) + "</p>";
        return html("Thanh toán phí, lệ phí / Pay the fee", order, body);
    }

    @Operation(summary = "Người nộp thanh toán hoặc huỷ / The payer pays or cancels",
            description = "Form field action=pay or action=cancel; the sandbox then notifies the application and"
                    + " sends the payer to the result page (303)")
    @PostMapping(path = SandboxPaymentGateway.PAGE + "{paymentId}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Void> act(@PathVariable @Pattern(regexp = ID) String paymentId,
                                    @RequestParam("action") String action) {
        PaymentResult result = switch (action) {
            case "pay" -> PaymentResult.PAID;
            case "cancel" -> PaymentResult.CANCELLED;
            default -> throw Problem.invalid("action", "action là pay hoặc cancel / action is pay or cancel");
        };
        order(paymentId);
        gateway().act(paymentId, result);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(SandboxPaymentGateway.PAGE + paymentId + "/result")).build();
    }

    @Operation(summary = "Kết quả thanh toán thử nghiệm / The sandbox's result page")
    @GetMapping(path = SandboxPaymentGateway.PAGE + "{paymentId}/result", produces = MediaType.TEXT_HTML_VALUE)
    public String result(@PathVariable @Pattern(regexp = ID) String paymentId) {
        SandboxPaymentGateway.Order order = order(paymentId);
        return html("Kết quả thanh toán / Payment result", order, "<p><strong>" + esc(statusVi(order.status()))
                + "</strong></p>" + (order.transactionId() == null ? "" : "<p>Mã giao dịch / Transaction: "
                + esc(order.transactionId()) + "</p>") + "<p><a href=\"" + esc(RETURN + order.dossierCode() + "?payment="
                + order.orderId()) + "\">Quay lại hồ sơ trên Cổng dịch vụ công / Back to the dossier on the public"
                + " service portal</a></p>");
    }

    private SandboxPaymentGateway.Order order(String paymentId) {
        return gateway().order(paymentId).orElseThrow(() -> Problem.notFound("payment", "Không có đơn thanh toán "
                + paymentId + " / No such payment order"));
    }

    private SandboxPaymentGateway gateway() {
        SandboxPaymentGateway gateway = sandbox.getIfAvailable();
        if (gateway == null) {
            throw Problem.notFound("payment", "Cổng thanh toán thử nghiệm không bật / The sandbox provider is off");
        }
        return gateway;
    }

    /** {@code 1.000.000 ₫}: dots between thousands, the đồng sign after. */
    static String money(long amountVnd) {
        return String.format(Locale.ROOT, "%,d", amountVnd).replace(',', '.') + " ₫";
    }

    private static String statusVi(String status) {
        return switch (status) {
            case "PAID" -> "Đã thanh toán / Paid";
            case "CANCELLED" -> "Đã huỷ / Cancelled";
            case "FAILED" -> "Không thành công / Failed";
            default -> "Chờ thanh toán / Pending";
        };
    }

    private static String html(String title, SandboxPaymentGateway.Order order, String body) {
        return """
                <!DOCTYPE html>
                <html lang="vi">
                <head><meta charset="utf-8"><title>%s</title><link rel="icon" href="/assets/favicon.svg" type="image/svg+xml"></head>
                <body>
                <p role="alert"><strong>CỔNG THANH TOÁN THỬ NGHIỆM / SANDBOX</strong> — không thu tiền thật / no real money</p>
                <h1>%s</h1>
                <dl>
                  <dt>Cơ quan thu / Agency</dt><dd>%s</dd>
                  <dt>Mã hồ sơ / Dossier</dt><dd>%s</dd>
                  <dt>Số tiền / Amount</dt><dd>%s</dd>
                  <dt>Mã đơn / Order</dt><dd>%s</dd>
                </dl>
                %s
                </body>
                </html>
                """.formatted(esc(title), esc(title), esc(order.agencyName()), esc(order.dossierCode()),
                esc(money(order.amountVnd())), esc(order.orderId()), body);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
