package vn.motcua.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.MotcuaApplication;

/**
 * One running application for every integration test class: the embedded PostgreSQL and the web
 * server start once per test JVM (Spring's context cache keeps them, as long as every class uses
 * exactly this configuration). Data lives under {@code target/}, fresh for each run. Metrics and tracing are on, as
 * in the application (Spring Boot's tests turn them off unless told), so that the monitoring is tested where it runs.
 */
@AutoConfigureObservability
@SpringBootTest(classes = MotcuaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String HANOI = "000.00.16.H26";
    public static final String HCMC = "000.00.16.H29";
    public static final String COSMETICS = "1.002600";
    protected static final String PASSWORD = "motcua-demo";

    static {
        Path run = Path.of("target", "it-data", Long.toString(System.currentTimeMillis())).toAbsolutePath();
        System.setProperty("motcua.data-dir", run.toString());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + TestJwt.writePublicKey(run));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api as(String user) {
        return as(user, PASSWORD);
    }

    protected Api as(String user, String password) {
        return new Api(client(), Api.basic(user, password));
    }

    protected Api bearer(String token) {
        return new Api(client(), "Bearer " + token);
    }

    protected Api anonymous() {
        return new Api(client(), null);
    }

    /** A caller from another loopback address (127.0.0.2, …): another client, as the rate limits count them. */
    protected Api anonymousFrom(String loopbackAddress) {
        return new Api(client(loopbackAddress), null);
    }

    protected Api asFrom(String loopbackAddress, String user, String password) {
        return new Api(client(loopbackAddress), Api.basic(user, password));
    }

    private RestClient client() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    private RestClient client(String loopbackAddress) {
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .localAddress(java.net.InetAddress.getByName(loopbackAddress)).build();
            return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory(http)).build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    /** A real, small, unique PDF document. */
    protected static byte[] pdf(String text) {
        return vn.motcua.portal.PdfSamples.pdf(text);
    }

    protected static String dossierJson(String procedure, String unit, String fullName) {
        return """
                {"procedureCode":"%s","unitId":"%s",
                 "applicant":{"fullName":"%s","idNumber":"001099012345","phone":"0912345678",
                              "email":"applicant@example.vn","address":"Số 1 Tràng Tiền, Hà Nội"},
                 "form":{"productName":"Kem dưỡng da Sen Việt","brand":"Sen Việt"}}"""
                .formatted(procedure, unit, fullName);
    }

    protected Api.Response submit(String user, String dossierJson, String fileName, byte[] content) {
        return as(user).multipart("/api/v1/dossiers", parts -> {
            parts.part("dossier", dossierJson, MediaType.APPLICATION_JSON);
            if (content != null) {
                parts.part("files", Api.file(fileName, content), MediaType.APPLICATION_PDF);
            }
        });
    }

    /** Submits a valid cosmetic notification to the Hanoi Department of Health and returns its code. */
    protected String submitted(String user) {
        Api.Response response = submit(user, dossierJson(COSMETICS, HANOI, "Nguyễn Văn An"), "phieu-cong-bo.pdf",
                pdf("Phieu cong bo san pham my pham"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asText();
    }

    /** The id of the open task of {@code step} for dossier {@code code}, as {@code official} sees it. */
    protected String task(String official, String code, String step) {
        Api.Response inbox = as(official).get("/api/v1/tasks");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        for (JsonNode task : inbox.json()) {
            if (task.path("dossierCode").asText().equals(code) && task.get("step").asText().equals(step)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError(official + " has no " + step + " task for " + code + ": " + inbox.text());
    }

    protected Api.Response decide(String official, String taskId, String decisionJson) {
        return as(official).postJson("/api/v1/tasks/" + taskId + "/complete", decisionJson);
    }

    protected void decideOk(String official, String code, String step, String decisionJson) {
        Api.Response response = decide(official, task(official, code, step), decisionJson);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /**
     * A dossier of {@code applicant} taken through every step to a favourable result returned online: accepted, paid,
     * appraised favourably, checked by the unit head, approved and signed by the leader, numbered and sealed by the
     * clerk, returned by reception. Returns its code.
     */
    protected String decidedAndReturned(String applicant) {
        return decidedAndReturned(submitted(applicant), applicant);
    }

    /** As {@link #decidedAndReturned(String)}, for a dossier already submitted by {@code applicant}. */
    protected String decidedAndReturned(String code, String applicant) {
        acceptAndPay(code, applicant);
        decideOk("specialist-hn", code, "appraisal", """
                {"outcome":"FAVOURABLE","comment":"Đạt"}""");
        checkedByUnitHead(code);
        decideOk("leader-hn", code, "approval", """
                {"outcome":"APPROVE","comment":"Cấp số tiếp nhận Phiếu công bố"}""");
        issuedByClerk(code);
        decideOk("reception-hn", code, "returnResult", """
                {"outcome":"RETURN_RESULT","comment":"Trả kết quả trực tuyến"}""");
        return code;
    }

    /** The unit head of the dossier's unit (Hà Nội) checks the handler's draft result and sends it to the leader. */
    protected void checkedByUnitHead(String code) {
        decideOk("unit-head-hn", code, "resultReview", """
                {"outcome":"AGREE","comment":"Đồng ý, trình lãnh đạo ký"}""");
    }

    /** The clerk (Hà Nội) numbers the signed result in the register of its kind, dates, seals and issues it. */
    protected void issuedByClerk(String code) {
        decideOk("clerk-hn", code, "resultIssue", """
                {"outcome":"ISSUE_RESULT"}""");
    }

    /** Reception accepts the dossier; its applicant pays the fee that the acceptance asked for. */
    protected void acceptAndPay(String code, String applicant) {
        decideOk("reception-hn", code, "reception", """
                {"outcome":"ACCEPT","comment":"Hồ sơ hợp lệ"}""");
        pay(code, applicant);
    }

    /** The applicant pays the requested fee online through the sandbox provider (order, the provider's page, pay). */
    protected void pay(String code, String applicant) {
        payThroughSandbox(code, applicant, "pay");
        Api.Response dossier = as(applicant).get("/api/v1/dossiers/" + code);
        assertThat(dossier.json().path("status").asText()).as(dossier.toString()).isEqualTo("ACCEPTED");
    }

    /** Opens (or gets again) the dossier's online order and takes {@code action} (pay, cancel) on its page. */
    protected Api.Response payThroughSandbox(String code, String applicant, String action) {
        Api.Response order = as(applicant).post("/api/v1/dossiers/" + code + "/payments");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String payUrl = order.json().path("payUrl").asText();
        Api.Response page = anonymous().postRaw(java.net.URI.create(payUrl).getPath(),
                MediaType.APPLICATION_FORM_URLENCODED, ("action=" + action).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.status()).as(page.toString()).isIn(200, 303);
        return order;
    }

    protected int events(String code) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, code);
    }

    /** Row counts of everything a request could change: used to show that a refused request changed nothing. */
    protected Map<String, Integer> footprint() {
        return Map.of(
                "events", count("domain_event_entry"),
                "dossiers", count("dossier_registry"),
                "documents", count("document_content"),
                "codes", jdbc.queryForObject("select coalesce(sum(last_number), 0) from dossier_code_counter",
                        Integer.class),
                "executions", count("act_ru_execution"),
                "tasks", count("act_ru_task"),
                "assigned", jdbc.queryForObject("select count(*) from act_ru_task where assignee_ is not null",
                        Integer.class));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    protected static List<String> fieldsOf(Api.Response problem) {
        return problem.json().path("errors").findValuesAsText("field");
    }
}
