package vn.motcua.portal.api;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.readmodel.ReadModelReconciliation;

/** For administrators: checking the MongoDB views against the event store, as at every start. */
@RestController
@RequestMapping("/api/v1/admin/read-models")
@Tag(name = "Quản trị / Administration")
public class ReadModelsController {

    private final ReadModelReconciliation reconciliation;

    public ReadModelsController(ReadModelReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Operation(summary = "Đối chiếu dữ liệu đọc với kho sự kiện và bổ sung phần thiếu / Check the MongoDB views"
            + " against the event store and mend those behind")
    @PostMapping("/reconciliation")
    public ReadModelReconciliation.Result reconcile() {
        return reconciliation.reconcile();
    }
}
