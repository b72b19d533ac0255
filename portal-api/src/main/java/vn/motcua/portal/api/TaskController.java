package vn.motcua.portal.api;

import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.platform.task.TaskInbox;
import vn.motcua.engine.platform.task.TaskItem;
import vn.motcua.engine.dossier.registry.DossierSummary;
import vn.motcua.portal.api.ApiModels.DossierView;

/**
 * Officials' work, of every kind (dossier steps and document steps): the one inbox of their roles and unit,
 * taking a task, deciding it. Role and unit are checked by the platform's {@link TaskInbox}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / Tasks")
public class TaskController {

    private static final String TASK_ID = "[0-9a-fA-F-]{1,64}";

    private final TaskInbox inbox;

    public TaskController(TaskInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "Hộp công việc / Tasks of my roles in my unit, and those I have taken (hồ sơ and văn bản)",
            description = "Each item names its aggregateType (dossier, document) and aggregateId; dossier tasks also"
                    + " carry dossierCode and procedureCode, document tasks documentId and direction.")
    @GetMapping
    public List<TaskItem> inbox(@Parameter(description = "Only tasks of this aggregate type: dossier, document")
                                @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{0,31}")
                                String aggregateType,
                                @Parameter(hidden = true) Identity who) {
        return inbox.inbox(who, aggregateType);
    }

    @Operation(summary = "Nhận xử lý / Claim a task (claiming an appraisal assigns the dossier's handler)")
    @PostMapping("/{id}/claim")
    public TaskItem claim(@PathVariable @Pattern(regexp = TASK_ID) String id, @Parameter(hidden = true) Identity who) {
        return inbox.claim(id, who);
    }

    @Operation(summary = "Hoàn thành với quyết định / Complete a task with a decision",
            description = "The body is the step's decision: 'outcome' (one of the task's outcomes) and 'comment';"
                    + " dossier steps also take 'items', 'consultedUnits', 'consultationDueDate'; document steps"
                    + " 'leaderId', 'leaderName', 'leadUnitId', 'supportingUnitIds', 'deadline', 'recipientId'."
                    + " The answer is the dossier or the document as it now stands.")
    @PostMapping("/{id}/complete")
    public Object complete(@PathVariable @Pattern(regexp = TASK_ID) String id, @RequestBody JsonNode decision,
                           @Parameter(hidden = true) Identity who) {
        Object view = inbox.complete(id, decision, who).view();
        return view instanceof DossierSummary dossier ? DossierView.of(dossier) : view;
    }
}
