package vn.motcua.portal.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.readmodel.Rebuilds;

/** Operations for administrators: rebuilding read models and indices from the event store. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Quản trị / Administration")
public class AdminController {

    private final Rebuilds rebuilds;

    public AdminController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Dựng lại dữ liệu đọc từ kho sự kiện / Rebuild read models and indices from the event store")
    @PostMapping("/rebuilds")
    public ResponseEntity<Rebuilds.Progress> rebuild() {
        Rebuilds.Progress started = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/rebuilds/" + started.id())).body(started);
    }

    @Operation(summary = "Tiến độ dựng lại / Progress of a rebuild")
    @GetMapping("/rebuilds/{id}")
    public Rebuilds.Progress progress(@PathVariable String id) {
        return rebuilds.progress(id);
    }
}
