package vn.motcua.portal.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.publication.ParkedEvents;

/**
 * Events the Kafka publisher parked because the bus would never take them (docs/reliability.md, "Poison events"):
 * the list, and the retry of one aggregate's parked events once the cause is mended. Administrators only
 * ({@code /api/v1/admin/**}).
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Quản trị / Administration")
public class DeadLetterController {

    private final ParkedEvents parked;

    public DeadLetterController(ParkedEvents parked) {
        this.parked = parked;
    }

    @Operation(summary = "Sự kiện bị giữ lại, không phát hành được / Events parked by the publisher, one per aggregate")
    @GetMapping
    public List<ParkedEvents.ParkedEvent> list() {
        return parked.list();
    }

    @Operation(summary = "Phát hành lại các sự kiện bị giữ lại của một đối tượng / Retry one aggregate's parked events")
    @PostMapping("/{aggregateId}/retry")
    public ParkedEvents.Retry retry(@PathVariable String aggregateId) {
        return parked.retry(aggregateId);
    }
}
