package vn.motcua.portal.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.identity.Identity;
import vn.motcua.eoffice.document.Direction;
import vn.motcua.eoffice.document.DocumentRegisterBook;
import vn.motcua.eoffice.document.DocumentStatus;
import vn.motcua.eoffice.document.DocumentWorkflow;
import vn.motcua.eoffice.document.DocumentWorkflow.HistoryEntry;
import vn.motcua.eoffice.document.DocumentWorkflow.View;
import vn.motcua.eoffice.document.DraftMetadata;
import vn.motcua.eoffice.document.IncomingHandlingSheet;
import vn.motcua.eoffice.document.ReceivedMetadata;
import vn.motcua.eoffice.register.Series;

/**
 * E-office (Decree 30/2020/ND-CP): outgoing drafts and incoming documents and their history. Officials act,
 * inspectors only read; which documents a person may see or change is {@code DocumentPolicy}'s (404 for any
 * other). The document steps are tasks of the one inbox ({@code /api/v1/tasks}, {@link TaskController}).
 */
@RestController
@Validated
@RequestMapping("/api/v1/documents")
@Tag(name = "Văn bản / Official documents")
public class DocumentController {

    private static final String ID = "[0-9a-fA-F-]{1,64}";

    private static final String REGISTER = "[A-Za-z0-9_.:-]{1,96}";
    private static final String UNIT = "[A-Za-z0-9_.-]{1,64}";

    private final DocumentWorkflow workflow;
    private final DocumentRegisterBook registers;
    private final IncomingHandlingSheet handlingSheets;

    public DocumentController(DocumentWorkflow workflow, DocumentRegisterBook registers,
                              IncomingHandlingSheet handlingSheets) {
        this.workflow = workflow;
        this.registers = registers;
        this.handlingSheets = handlingSheets;
    }

    /** {@code replyTo}: the incoming document this draft answers, of which the drafter's unit is the lead unit. */
    public record NewOutgoing(@NotNull DraftMetadata metadata, @Pattern(regexp = ID) String replyTo) {
    }

    /** The signature check is made by the server from the uploaded file, never taken from the caller. */
    public record NewIncoming(@NotNull ReceivedMetadata metadata) {
    }

    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @Operation(summary = "Tạo dự thảo văn bản đi / Create an outgoing draft (specialist)",
            description = "multipart/form-data: part 'document' (application/json) and the PDF part 'file'. With"
                    + " 'replyTo' the draft is the reply to that incoming document, linked on both (lead unit only,"
                    + " while the incoming document is being handled). Optional parts 'attachments': attachments in"
                    + " separate PDF files (phụ lục), at most " + DocumentWorkflow.MAX_ATTACHMENTS + ", signed by the"
                    + " agency at the seal step. A Tối mật or Tuyệt mật draft is metadata only: no 'file', no"
                    + " 'attachments', no subject (Law 29/2018/QH14 Art. 5(5)); one with any is refused (409).")
    @PostMapping(path = "/outgoing", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<View> draft(@RequestPart("document") @Valid NewOutgoing request,
                                      @RequestPart(name = "file", required = false) MultipartFile file,
                                      @RequestPart(name = "attachments", required = false)
                                      List<MultipartFile> attachments,
                                      @Parameter(hidden = true) Identity who) {
        List<Upload> uploads = attachments == null ? List.of()
                : attachments.stream().map(attachment -> upload("attachments", attachment)).toList();
        View view = workflow.draft(request.metadata(), request.replyTo(), file == null ? null : upload(file), uploads,
                who);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + view.documentId())).body(view);
    }

    @Operation(summary = "Tiếp nhận văn bản đến / Receive an incoming document (clerk)",
            description = "multipart/form-data: part 'document' (application/json) and the PDF part 'file'. The"
                    + " signatures are verified; an authentic document is registered, any other stays received. A Tối mật"
                    + " or Tuyệt mật document is registered by its metadata only: no 'file', no subject (refused, 409).")
    @PostMapping(path = "/incoming", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<View> receive(@RequestPart("document") @Valid NewIncoming request,
                                        @RequestPart(name = "file", required = false) MultipartFile file,
                                        @Parameter(hidden = true) Identity who) {
        View view = workflow.receive(request.metadata(), file == null ? null : upload(file), who);
        return ResponseEntity.created(URI.create("/api/v1/documents/" + view.documentId())).body(view);
    }

    @Operation(summary = "Trả lại văn bản đến cho nơi gửi / Send a received document back (clerk)")
    @PostMapping("/{id}/send-back")
    public View sendBack(@PathVariable @Pattern(regexp = ID) String id, @RequestBody @Valid Reason request,
                         @Parameter(hidden = true) Identity who) {
        return workflow.sendBack(id, request.reason(), who);
    }

    @Operation(summary = "Thu hồi văn bản đã phát hành / Recall an issued document (leader)")
    @PostMapping("/{id}/recall")
    public View recall(@PathVariable @Pattern(regexp = ID) String id, @RequestBody @Valid Reason request,
                       @Parameter(hidden = true) Identity who) {
        return workflow.recall(id, request.reason(), who);
    }

    @Operation(summary = "Tệp PDF mới nhất của văn bản / The latest PDF of a document")
    @GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable @Pattern(regexp = ID) String id,
                                      @Parameter(hidden = true) Identity who) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(workflow.pdf(id, who));
    }

    @Operation(summary = "Văn bản kèm theo, bản mới nhất / The latest version of an attachment (index from 0)")
    @GetMapping(path = "/{id}/attachments/{index}", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> attachment(@PathVariable @Pattern(regexp = ID) String id, @PathVariable int index,
                                             @Parameter(hidden = true) Identity who) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(workflow.attachment(id, index, who));
    }

    @Operation(summary = "Phiếu giải quyết văn bản đến / The handling sheet of an incoming document (PDF)",
            description = "Built from the document's events: arrival number and date, sender, number/symbol, subject;"
                    + " the leader's instructions, the opinion and assignment of the head of the lead unit, the"
                    + " handler's opinions and result, each with name and time. For those who may see the document.")
    @GetMapping(path = "/{id}/handling-sheet", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> handlingSheet(@PathVariable @Pattern(regexp = ID) String id,
                                                @Parameter(hidden = true) Identity who) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(handlingSheets.pdf(id, who));
    }

    @Operation(summary = "Sổ văn bản / The document registers of my unit (clerk; inspectors: any unit)",
            description = "Outgoing registers per issuing unit and kind (OUTGOING:<unit>:<key>, which kinds share one"
                    + " is configured per agency: motcua.document-registers) and the arrival register"
                    + " (INCOMING:<unit>).")
    @GetMapping("/registers")
    public List<DocumentRegisterBook.Register> registers(@RequestParam(required = false) @Pattern(regexp = UNIT)
                                                         String unitId, @Parameter(hidden = true) Identity who) {
        return registers.registers(unitId, who);
    }

    @Operation(summary = "Sổ văn bản theo năm / A register's entries for a year (clerk; inspectors: any)",
            description = "Outgoing: number, date, number/symbol, subject, signer, recipients. Incoming: arrival number"
                    + " and date, sender, number/symbol, subject, lead unit, deadline, handler. In number order, at most "
                    + DocumentRegisterBook.LIMIT + " from 'fromNumber'; 'series' SECRET lists the secret series (only"
                    + " the entries the caller may see).")
    @GetMapping("/registers/{register}")
    public DocumentRegisterBook.Listing register(@PathVariable @Pattern(regexp = REGISTER) String register,
                                                 @RequestParam(required = false) @Min(2000) @Max(9999) Integer year,
                                                 @RequestParam(required = false) Series series,
                                                 @RequestParam(defaultValue = "1") @Min(1) @Max(1000000) int fromNumber,
                                                 @Parameter(hidden = true) Identity who) {
        return registers.listing(register, year, series, fromNumber, who);
    }

    private static Upload upload(MultipartFile file) {
        return upload("file", file);
    }

    private static Upload upload(String field, MultipartFile file) {
        try {
            return new Upload(field, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Operation(summary = "Văn bản / A document of my unit (inspectors: any)")
    @GetMapping("/{id}")
    public View document(@PathVariable @Pattern(regexp = ID) String id, @Parameter(hidden = true) Identity who) {
        return workflow.find(id, who);
    }

    @Operation(summary = "Văn bản của đơn vị / My unit's documents, most recently changed first",
            description = "Read from the documents' MongoDB views; optional filters 'status' and 'direction'.")
    @GetMapping
    public List<View> documents(@RequestParam(required = false) DocumentStatus status,
                                @RequestParam(required = false) Direction direction,
                                @Parameter(hidden = true) Identity who) {
        return workflow.list(status, direction, who);
    }

    @Operation(summary = "Lịch sử văn bản / A document's history, read from the event store")
    @GetMapping("/{id}/history")
    public List<HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String id,
                                      @Parameter(hidden = true) Identity who) {
        return workflow.history(id, who);
    }
}
