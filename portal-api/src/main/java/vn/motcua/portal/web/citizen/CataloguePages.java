package vn.motcua.portal.web.citizen;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.problem.Problem;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The procedures offered (the catalogue the API serves, as published in the national procedure database under
 * Decree 63/2010/ND-CP): a list searchable by name or code — every word typed, with or without Vietnamese
 * diacritics — and one page per
 * procedure with what the applicant needs before applying.
 */
@Controller
public class CataloguePages {

    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;
    private final FormSchemaFields fields;

    public CataloguePages(ProcedureCatalogue catalogue, MotcuaProperties properties, FormSchemaFields fields) {
        this.catalogue = catalogue;
        this.properties = properties;
        this.fields = fields;
    }

    @GetMapping("/procedures")
    public String procedures(@RequestParam(required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        List<String> words = List.of(fold(query).split(" ")).stream().filter(word -> !word.isBlank()).toList();
        List<Procedure> found = catalogue.all().stream()
                .filter(procedure -> {
                    String text = fold(procedure.code() + " " + procedure.name());
                    return words.stream().allMatch(text::contains);
                })
                .toList();
        model.addAttribute("q", query);
        model.addAttribute("procedures", found);
        return "citizen/procedures";
    }

    @GetMapping("/procedures/{code}")
    public String procedure(@PathVariable String code, Model model) {
        Procedure procedure = catalogue.find(code).orElseThrow(() -> Problem.notFound("procedure",
                "Không có thủ tục " + code + " / No procedure " + code));
        model.addAttribute("procedure", procedure);
        model.addAttribute("units", properties.units());
        model.addAttribute("formTitle", fields.title(procedure));
        return "citizen/procedure";
    }

    /** Lower case without diacritics: "Mỹ phẩm" and "my pham" match; đ reads as d. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd').replaceAll("\\s+", " ");
    }
}
