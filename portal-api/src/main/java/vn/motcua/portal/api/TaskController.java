package vn.motcua.portal.api;

import java.util.List;

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
import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.process.Decision;
import vn.motcua.engine.process.DossierWorkflow;
import vn.motcua.engine.process.WorkItem;
import vn.motcua.portal.api.ApiModels.DecisionRequest;
import vn.motcua.portal.api.ApiModels.DossierView;

/** Officials' work: the inbox of their roles and unit, taking a task, deciding it. */
@RestController
@Validated
@RequestMapping("/api/v1/tasks")
@Tag(name = "Công việc / Tasks")
public class TaskController {

    private static final String TASK_ID = "[0-9a-fA-F-]{1,64}";

    private final DossierWorkflow workflow;

    public TaskController(DossierWorkflow workflow) {
        this.workflow = workflow;
    }

    @Operation(summary = "Hộp công việc / Tasks of my roles in my unit, and those I have taken")
    @GetMapping
    public List<WorkItem> inbox(@Parameter(hidden = true) Identity who) {
        return workflow.inbox(who);
    }

    @Operation(summary = "Nhận xử lý / Claim a task (claiming an appraisal assigns the handler)")
    @PostMapping("/{id}/claim")
    public WorkItem claim(@PathVariable @Pattern(regexp = TASK_ID) String id, @Parameter(hidden = true) Identity who) {
        return workflow.claim(id, who);
    }

    @Operation(summary = "Hoàn thành với quyết định / Complete a task with a decision and comment")
    @PostMapping("/{id}/complete")
    public DossierView complete(@PathVariable @Pattern(regexp = TASK_ID) String id,
                                @RequestBody @Valid DecisionRequest decision, @Parameter(hidden = true) Identity who) {
        return DossierView.of(workflow.complete(id, new Decision(decision.outcome(), decision.comment(),
                decision.items(), decision.consultedUnits(), decision.consultationDueDate()), who));
    }
}
