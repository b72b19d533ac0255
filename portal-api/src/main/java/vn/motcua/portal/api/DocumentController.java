package vn.motcua.portal.api;

import java.net.URI;
import java.util.List;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.identity.Identity;
import vn.motcua.eoffice.document.DocumentWorkflow;
import vn.motcua.eoffice.document.DocumentWorkflow.Decision;
import vn.motcua.eoffice.document.DocumentWorkflow.HistoryEntry;
import vn.motcua.eoffice.document.DocumentWorkflow.View;
import vn.motcua.eoffice.document.DocumentWorkflow.WorkItem;
import vn.motcua.eoffice.document.DraftMetadata;
import vn.motcua.eoffice.document.ReceivedMetadata;
import vn.motcua.eoffice.document.SignatureCheck;

/**
 * E-office (Decree 30/2020/ND-CP): outgoing drafts and incoming documents, their history, and the
 * officials' document tasks. Officials only; the unit and role of each step are checked by the workflow.
 */
@RestController
@Validated
@RequestMapping("/api/v1/documents")
@Tag(name = "Văn bản / Official documents")
public class DocumentController {

    private static final String ID = "[0-9a-fA-F-]{1,64}";

    private final DocumentWorkflow workflow;

    public DocumentController(DocumentWorkflow workflow) {
        this.workflow = workflow;
    }

    public record NewOutgoing(@NotNull DraftMetadata metadata, String replyTo) {
    }

    public record NewIncoming(@NotNull ReceivedMetadata metadata, @NotNull SignatureCheck signatureCheck,
                              String contentSha256) {
    }

    @Operation(summary = "Tạo dự thảo văn bản đi / Create an outgoing draft (specialist)")
    @PostMapping("/outgoing")
    public ResponseEntity<View> draft(@RequestBody @Valid NewOutgoing request, @Parameter(hidden = true) Identity who) {
        View view = workflow.draft(request.metadata(), request.replyTo(), who);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + view.documentId())).body(view);
    }

    @Operation(summary = "Tiếp nhận và vào sổ văn bản đến / Receive and register an incoming document (clerk)")
    @PostMapping("/incoming")
    public ResponseEntity<View> receive(@RequestBody @Valid NewIncoming request,
                                        @Parameter(hidden = true) Identity who) {
        View view = workflow.receive(request.metadata(), request.signatureCheck(), request.contentSha256(), who);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + view.documentId())).body(view);
    }

    @Operation(summary = "Văn bản / A document of my unit")
    @GetMapping("/{id}")
    public View document(@PathVariable @Pattern(regexp = ID) String id, @Parameter(hidden = true) Identity who) {
        return workflow.find(id, who);
    }

    @Operation(summary = "Lịch sử văn bản / A document's history, read from the event store")
    @GetMapping("/{id}/history")
    public List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String id,
                                      @Parameter(hidden = true) Identity who) {
        return workflow.history(id, who);
    }

    @Operation(summary = "Công việc văn bản / Document tasks of my roles in my unit")
    @GetMapping("/tasks")
    public List<WorkItem> tasks(@Parameter(hidden = true) Identity who) {
        return workflow.inbox(who);
    }

    @Operation(summary = "Hoàn thành công việc văn bản / Complete a document task with a decision")
    @PostMapping("/tasks/{id}/complete")
    public View complete(@PathVariable @Pattern(regexp = ID) String id, @RequestBody @Valid @NotNull Decision decision,
                         @Parameter(hidden = true) Identity who) {
        return workflow.complete(id, decision, who);
    }
}
