package vn.motcua.portal.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.access.AccessCheck;
import vn.motcua.engine.dossier.process.ResultActs;
import vn.motcua.engine.dossier.process.ResultCorrections;
import vn.motcua.engine.dossier.registry.DossierPolicy;
import vn.motcua.engine.dossier.registry.DossierRegistry;
import vn.motcua.engine.dossier.view.ResultRegister;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.problem.Problem;

/**
 * The acts that refer to a dossier's issued result: its unit's leader corrects (đính chính) or revokes (thu hồi) it
 * by a new numbered, signed and sealed act ({@link ResultCorrections}); whoever may see the dossier reads the result
 * with its acts. GET /result keeps returning the original, which no act changes.
 */
@RestController
@Validated
@RequestMapping("/api/v1/dossiers/{code}/result")
@Tag(name = "Hồ sơ / Dossiers")
public class ResultActsController {

    private static final String CODE = DossierCodes.PATTERN;

    private final ResultCorrections corrections;
    private final ResultRegister register;
    private final DossierPolicy policy;
    private final DossierRegistry registry;

    public ResultActsController(ResultCorrections corrections, ResultRegister register, DossierPolicy policy,
                                DossierRegistry registry) {
        this.corrections = corrections;
        this.register = register;
        this.policy = policy;
        this.registry = registry;
    }

    public record CorrectionRequest(
            @NotBlank(message = "Nêu lý do đính chính / State the reason for the correction") @Size(max = 2000)
            String reason,
            @NotBlank(message = "Nêu nội dung đính chính / State the corrected content") @Size(max = 4000)
            String corrections) {
    }

    public record RevocationRequest(
            @NotBlank(message = "Nêu lý do thu hồi / State the reason for the revocation") @Size(max = 2000)
            String reason,
            @Size(max = 500) String decisionReference) {
    }

    /** The act as answered: its number and symbol, date and the SHA-256 of its PDF (GET …/documents/{sha256}). */
    public record ActView(String type, int number, String symbol, String issuedOn, String sha256) {
        static ActView of(String type, ResultActs.IssuedAct act) {
            return new ActView(type, act.number(), act.symbol(), act.issuedOn().toString(),
                    act.documents().getFirst().sha256());
        }
    }

    @Operation(summary = "Đính chính kết quả đã cấp / Correct the issued result by a numbered act (leader)")
    @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActView> correct(@PathVariable @Pattern(regexp = CODE) String code,
                                           @RequestBody @Valid CorrectionRequest request,
                                           @Parameter(hidden = true) Identity who) {
        ActView act = ActView.of("CORRECTION", corrections.correct(code, request.reason(), request.corrections(), who));
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/result/acts")).body(act);
    }

    @Operation(summary = "Thu hồi kết quả đã cấp / Revoke the issued result by a numbered decision (leader)")
    @PostMapping(path = "/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ActView> revoke(@PathVariable @Pattern(regexp = CODE) String code,
                                          @RequestBody @Valid RevocationRequest request,
                                          @Parameter(hidden = true) Identity who) {
        ActView act = ActView.of("REVOCATION", corrections.revoke(code, request.reason(), request.decisionReference(),
                who));
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/result/acts")).body(act);
    }

    @Operation(summary = "Kết quả đã cấp và các văn bản đính chính, thu hồi / The issued result and its acts",
            description = "Read from the MongoDB read model; it may lag the event store by a moment")
    @GetMapping("/acts")
    public Map<String, Object> acts(@PathVariable @Pattern(regexp = CODE) String code,
                                    @Parameter(hidden = true) Identity who) {
        AccessCheck.toSee(policy, who, code, registry.find(code));
        Document result = register.of(code).orElseThrow(() -> Problem.notFound("result",
                "Hồ sơ chưa có kết quả được cấp / No result issued yet"));
        Map<String, Object> answer = new LinkedHashMap<>(result);
        answer.remove("symbolKey");
        answer.remove("holderKey");
        return answer;
    }
}
