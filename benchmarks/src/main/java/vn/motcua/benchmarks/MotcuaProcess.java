package vn.motcua.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.audit.AuditTrail;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.dossier.DossierStatus;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.dossier.process.NewDossier;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.audit.verify.Report;

/**
 * One licence dossier walked by motcua from submission to its returned result through its command layer, in this JVM
 * and with no HTTP: procedure BYT.DUOC.04 (re-issue of a pharmaceutical business certificate, no fee, so no payment
 * wait), submitted by a citizen with {@link DossierWorkflow#submit} and decided by the officials of the Hanoi unit
 * through the platform's one inbox ({@link TaskInbox#complete}) — each step one transaction in which the dossier's
 * event is appended and sealed (signed, chained) and the Camunda process moves.
 */
final class MotcuaProcess implements ThroughputLoad.Walk {

    static final String PROCEDURE = "BYT.DUOC.04";
    static final String UNIT = "000.00.16.H26";

    /** The steps after the submission, in the order of the BPMN: task key, who decides, the decision. */
    static final List<Step> STEPS = List.of(
            new Step("reception", official("reception-hn", "Lê Thị Thu", Role.RECEPTION),
                    "{\"outcome\":\"ACCEPT\",\"comment\":\"Hồ sơ hợp lệ\"}"),
            new Step("appraisal", official("specialist-hn", "Phạm Minh Đức", Role.SPECIALIST),
                    "{\"outcome\":\"FAVOURABLE\",\"comment\":\"Đạt\"}"),
            new Step("resultReview", official("unit-head-hn", "Trần Văn Minh", Role.UNIT_HEAD),
                    "{\"outcome\":\"AGREE\",\"comment\":\"Đồng ý dự thảo\"}"),
            new Step("approval", official("leader-hn", "Đặng Quốc Việt", Role.LEADER),
                    "{\"outcome\":\"APPROVE\",\"comment\":\"Đồng ý cấp\"}"),
            new Step("resultIssue", official("clerk-hn", "Nguyễn Thị Hoa", Role.CLERK),
                    "{\"outcome\":\"ISSUE_RESULT\",\"comment\":\"Đã cấp số, đóng dấu\"}"),
            new Step("returnResult", official("reception-hn", "Lê Thị Thu", Role.RECEPTION),
                    "{\"outcome\":\"RETURN_RESULT\",\"comment\":\"Trả kết quả\"}"));

    record Step(String taskKey, Identity official, String decision) {
    }

    private static final Identity CITIZEN = new Identity("bench-citizen", "Nguyễn Văn Đo", Set.of(Role.CITIZEN), null);

    private final DossierWorkflow workflow;
    private final TaskInbox inbox;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final DossierRegistry registry;
    private final AuditTrail trail;
    private final List<JsonNode> decisions;
    private final byte[] pdf;
    private final AtomicInteger submitted = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
    /** Per step (the submission, then each task key): the count and the total of its latencies, in nanoseconds. */
    private final Map<String, LongAdder[]> byStep = new ConcurrentHashMap<>();

    MotcuaProcess(Run run, byte[] pdf) throws Exception {
        this.workflow = run.bean(DossierWorkflow.class);
        this.inbox = run.bean(TaskInbox.class);
        this.tasks = run.bean(TaskService.class);
        this.runtime = run.bean(RuntimeService.class);
        this.registry = run.bean(DossierRegistry.class);
        this.trail = run.bean(AuditTrail.class);
        ObjectMapper json = run.bean(ObjectMapper.class);
        this.decisions = STEPS.stream().map(step -> {
            try {
                return json.readTree(step.decision());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        this.pdf = pdf;
    }

    private static Identity official(String id, String name, Role role) {
        return new Identity(id, name, Set.of(role), UNIT);
    }

    @Override
    public void instance(ThroughputLoad.Steps steps) throws Exception {
        int n = submitted.incrementAndGet();
        long started = System.nanoTime();
        String code = steps.time(() -> workflow.submit(new NewDossier(PROCEDURE, UNIT,
                        new Applicant("Nguyễn Văn Đo", "001099012345", "0912345678", null, "Số 5 Hàng Bài, Hà Nội"),
                        Map.of("establishmentName", "Công ty TNHH Dược phẩm Thử tải " + n,
                                "address", "Số 5 Hàng Bài, Hà Nội", "certificateNumber", n + "/ĐKKDD-HNO",
                                "request", "REISSUE", "reason", "Giấy chứng nhận bị hư hỏng"), null),
                List.of(new Upload("files[0]", "don.pdf", "application/pdf", pdf)), CITIZEN).code());
        started = took("submission", started);
        for (int i = 0; i < STEPS.size(); i++) {
            Step step = STEPS.get(i);
            JsonNode decision = decisions.get(i);
            steps.time(() -> {
                Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).active().singleResult();
                if (task == null || !task.getTaskDefinitionKey().equals(step.taskKey())) {
                    throw new IllegalStateException(code + ": expected task " + step.taskKey() + ", found "
                            + (task == null ? "none" : task.getTaskDefinitionKey()));
                }
                inbox.complete(task.getId(), decision, step.official());
            });
            started = took(step.taskKey(), started);
        }
        codes.add(code);
    }

    private long took(String step, long started) {
        long now = System.nanoTime();
        LongAdder[] figures = byStep.computeIfAbsent(step, key -> new LongAdder[] {new LongAdder(), new LongAdder()});
        figures[0].increment();
        figures[1].add(now - started);
        return now;
    }

    /** The mean latency of each step over the whole run (warm-ups included), in milliseconds, in the walk's order. */
    Map<String, Double> meanMillisByStep() {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String step : java.util.stream.Stream.concat(java.util.stream.Stream.of("submission"),
                STEPS.stream().map(Step::taskKey)).toList()) {
            LongAdder[] figures = byStep.get(step);
            means.put(step, figures == null ? 0 : figures[1].sum() / 1e6 / Math.max(1, figures[0].sum()));
        }
        return means;
    }

    /** Throws unless every dossier walked has its result returned, its process ended and a valid trail. */
    long checkAllEnded() {
        if (codes.size() != submitted.get()) {
            throw new IllegalStateException("motcua: " + submitted.get() + " dossiers submitted, " + codes.size()
                    + " walked to the end");
        }
        for (String code : codes) {
            DossierStatus status = registry.find(code).orElseThrow().status();
            long running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count();
            if (status != DossierStatus.RESULT_RETURNED || running != 0) {
                throw new IllegalStateException(code + ": " + status + ", " + running + " process still running");
            }
            Report report = trail.verify(DossierPlatform.DOSSIERS, code);
            if (!report.valid() || report.eventsChecked() < STEPS.size() + 1) {
                throw new IllegalStateException(code + ": its trail does not verify: " + report.failures());
            }
        }
        return codes.size();
    }

    /** Events appended per dossier walked (the submission and each step; taking the appraisal adds one). */
    double eventsPerInstance(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry e join dossier_registry r"
                + " on r.code = e.aggregate_identifier where r.owner_id = ?", Long.class, CITIZEN.id());
        return events == null ? 0 : events / (double) codes.size();
    }
}
