package vn.motcua.portal.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.problem.Problem;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/** The procedures offered and the units that receive dossiers. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Danh mục / Catalogue")
public class CatalogueController {

    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;

    public CatalogueController(ProcedureCatalogue catalogue, MotcuaProperties properties) {
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @GetMapping("/procedures")
    public List<Procedure> procedures() {
        return catalogue.all();
    }

    @GetMapping("/procedures/{code}")
    public Procedure procedure(@PathVariable String code) {
        return catalogue.find(code).orElseThrow(() -> Problem.notFound("procedure",
                "Không có thủ tục " + code + " / No procedure " + code));
    }

    @GetMapping("/units")
    public List<MotcuaProperties.OrgUnit> units() {
        return properties.units();
    }
}
