package vn.motcua.portal.api;

import java.util.List;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.engine.dossier.view.ResultRegister;

/**
 * The public register of issued results (sổ cấp kết quả), without sign-in and rate-limited like the other public
 * lookups: anyone who must rely on a licence or certificate checks that it was issued and whether it is still in
 * force, corrected or revoked ({@link ResultRegister}: at least one criterion, nothing personal beyond the holder's
 * name).
 */
@RestController
@Validated
@Tag(name = "Sổ cấp kết quả / Register of issued results")
public class PublicResultRegisterController {

    private final ResultRegister register;

    public PublicResultRegisterController(ResultRegister register) {
        this.register = register;
    }

    @Operation(summary = "Tra cứu sổ cấp kết quả / Search the public register of issued results",
            description = "At least one of number (number/symbol), holder (name, diacritics ignored), procedure "
                    + "(procedure code); 20 entries a page")
    @GetMapping("/api/v1/public/result-register")
    public List<ResultRegister.Entry> search(
            @Parameter(description = "Số, ký hiệu / number and symbol, or part of it")
            @RequestParam(required = false) @Size(max = 60) String number,
            @Parameter(description = "Tên người được cấp / holder's name, or part of it")
            @RequestParam(required = false) @Size(max = 120) String holder,
            @Parameter(description = "Mã thủ tục / procedure code")
            @RequestParam(required = false) @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z.\\-]*") String procedure,
            @RequestParam(defaultValue = "0") @Min(0) @Max(50) int page) {
        return register.search(new ResultRegister.Query(number, holder, procedure), page);
    }
}
