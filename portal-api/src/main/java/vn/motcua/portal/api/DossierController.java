package vn.motcua.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.dossier.history.DossierHistory;
import vn.motcua.engine.dossier.history.Step;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.dossier.process.DossierWorkflow;
import vn.motcua.engine.readmodel.Attachments;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.portal.api.ApiModels.DossierView;
import vn.motcua.portal.api.ApiModels.NewDossierRequest;
import vn.motcua.portal.api.ApiModels.ApologyRequest;
import vn.motcua.portal.api.ApiModels.RatingRequest;
import vn.motcua.portal.api.ApiModels.StopRequest;
import vn.motcua.portal.api.ApiModels.WithdrawalRequest;

/** Dossiers (hồ sơ): applicants submit, supplement and withdraw; everyone reads what is theirs to read. */
@RestController
@Validated
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Hồ sơ / Dossiers")
public class DossierController {

    private static final String CODE = DossierCodes.PATTERN;

    private final DossierWorkflow workflow;
    private final DossierPolicy policy;
    private final DossierRegistry registry;
    private final DossierHistory history;
    private final Attachments attachments;
    private final MongoReadModels readModels;

    public DossierController(DossierWorkflow workflow, DossierPolicy policy, DossierRegistry registry,
                             DossierHistory history, Attachments attachments, MongoReadModels readModels) {
        this.workflow = workflow;
        this.policy = policy;
        this.registry = registry;
        this.history = history;
        this.attachments = attachments;
        this.readModels = readModels;
    }

    @Operation(summary = "Nộp hồ sơ trực tuyến / Submit a dossier",
            description = "multipart/form-data: part 'dossier' (application/json) and one or more PDF parts 'files'")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DossierView> submit(@RequestPart("dossier") @Valid NewDossierRequest dossier,
                                              @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                              @Parameter(hidden = true) Identity who) {
        var submitted = workflow.submit(new vn.motcua.engine.dossier.process.NewDossier(dossier.procedureCode(),
                dossier.unitId(), dossier.applicant().toApplicant(), dossier.form(), dossier.comment()),
                uploads(files), who);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + submitted.code()))
                .body(DossierView.of(submitted));
    }

    @Operation(summary = "Danh sách hồ sơ / List dossiers",
            description = "An applicant sees their own, an official their unit's, an inspector all")
    @GetMapping
    public List<DossierView> list(@RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                  @Parameter(hidden = true) Identity who) {
        return registry.within(AccessCheck.scope(policy, who), size, page * size).stream().map(DossierView::of).toList();
    }

    @GetMapping("/{code}")
    public DossierView get(@PathVariable @Pattern(regexp = CODE) String code,
                           @Parameter(hidden = true) Identity who) {
        return DossierView.of(visible(code, who));
    }

    @Operation(summary = "Theo dõi hồ sơ / The applicant's view: status, timeline, appointed date, documents",
            description = "Read from the MongoDB read model; it may lag the event store by a moment")
    @GetMapping("/{code}/view")
    public Map<String, Object> view(@PathVariable @Pattern(regexp = CODE) String code,
                                    @Parameter(hidden = true) Identity who) {
        visible(code, who);
        Document view = readModels.view(DossierPlatform.DOSSIERS, code).orElseThrow(() -> Problem.notFound(
                "dossier-view",
                "Hồ sơ đang được cập nhật, vui lòng thử lại sau giây lát / The view is being updated, retry shortly"));
        Map<String, Object> result = new LinkedHashMap<>(view);
        result.put("code", result.remove("_id"));
        result.remove("ownerId");
        return result;
    }

    @Operation(summary = "Lịch sử xử lý (Mẫu 05) / Step history, read from the event store")
    @GetMapping("/{code}/history")
    public List<Step> history(@PathVariable @Pattern(regexp = CODE) String code,
                              @Parameter(hidden = true) Identity who) {
        visible(code, who);
        return history.of(code);
    }

    @Operation(summary = "Tải tài liệu của hồ sơ / Download a document of the dossier, by its SHA-256")
    @GetMapping("/{code}/documents/{sha256}")
    public ResponseEntity<byte[]> document(@PathVariable @Pattern(regexp = CODE) String code,
                                           @PathVariable @Pattern(regexp = "[0-9a-f]{64}") String sha256,
                                           @Parameter(hidden = true) Identity who) {
        visible(code, who);
        var attached = history.of(code).stream().flatMap(step -> step.documents().stream())
                .filter(document -> document.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> Problem.notFound("document", "Hồ sơ không có tài liệu này / No such document"));
        byte[] content = attachments.content(sha256).orElseThrow(() -> Problem.notFound("document",
                "Không tìm thấy nội dung tài liệu / Document content not found"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attached.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    /**
     * The signed result returned online (level 4): the document of the dossier's last ResultReturned step, to whoever
     * may see the dossier (its applicant, the officials of its unit, inspectors; anyone else gets the 404 of an unknown
     * dossier), and a 404 while no result has been returned.
     */
    @Operation(summary = "Tải kết quả giải quyết đã ký số / Download the signed result (PDF)")
    @GetMapping("/{code}/result")
    public ResponseEntity<byte[]> result(@PathVariable @Pattern(regexp = CODE) String code,
                                         @Parameter(hidden = true) Identity who) {
        visible(code, who);
        var attached = history.of(code).reversed().stream().filter(step -> step.type().equals("ResultReturned"))
                .flatMap(step -> step.documents().stream()).findFirst()
                .orElseThrow(() -> Problem.notFound("result", "Hồ sơ chưa có kết quả được trả / No result returned yet"));
        byte[] content = attachments.content(attached.sha256()).orElseThrow(() -> Problem.notFound("result",
                "Không tìm thấy nội dung kết quả / Result content not found"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attached.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    @Operation(summary = "Nộp bổ sung hồ sơ / Provide the requested supplement")
    @PostMapping(path = "/{code}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DossierView supplement(@PathVariable @Pattern(regexp = CODE) String code,
                                  @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                  @RequestParam(name = "comment", required = false) @Size(max = 2000) String comment,
                                  @Parameter(hidden = true) Identity who) {
        return DossierView.of(workflow.provideSupplement(code, uploads(files), comment, who));
    }

    @Operation(summary = "Rút hồ sơ / Withdraw the dossier")
    @PostMapping(path = "/{code}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DossierView withdraw(@PathVariable @Pattern(regexp = CODE) String code,
                                @RequestBody @Valid WithdrawalRequest request,
                                @Parameter(hidden = true) Identity who) {
        return DossierView.of(workflow.withdraw(code, request.reason(), who));
    }

    @Operation(summary = "Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) / Apologise and set a new date, once")
    @PostMapping(path = "/{code}/apology", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DossierView apologise(@PathVariable @Pattern(regexp = CODE) String code,
                                 @RequestBody @Valid ApologyRequest request, @Parameter(hidden = true) Identity who) {
        return DossierView.of(workflow.apologise(code, request.newAppointedDate(), request.causingUnit(),
                request.reason(), who));
    }

    @Operation(summary = "Dừng xử lý hồ sơ / Stop processing the dossier")
    @PostMapping(path = "/{code}/stop", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DossierView stop(@PathVariable @Pattern(regexp = CODE) String code, @RequestBody @Valid StopRequest request,
                            @Parameter(hidden = true) Identity who) {
        return DossierView.of(workflow.stop(code, request.reason(), who));
    }

    @Operation(summary = "Đánh giá mức độ hài lòng / Rate the handling after receiving the result")
    @PostMapping(path = "/{code}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DossierView rate(@PathVariable @Pattern(regexp = CODE) String code, @RequestBody @Valid RatingRequest request,
                            @Parameter(hidden = true) Identity who) {
        return DossierView.of(workflow.rate(code, request.score(), request.comment(), who));
    }

    /** The dossier if the caller may see it ({@link DossierPolicy}), else 404: the same for every sub-resource. */
    private DossierSummary visible(String code, Identity who) {
        return AccessCheck.toSee(policy, who, code, registry.find(code));
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            try {
                uploads.add(new Upload("files[" + i + "]", file.getOriginalFilename(), file.getContentType(),
                        file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }
}
