package vn.motcua.portal.web.eoffice;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.motcua.engine.identity.Identity;
import vn.motcua.eoffice.document.DocumentRegisterBook;
import vn.motcua.eoffice.register.Series;

/**
 * The document registers of my unit as the clerk keeps them (sổ đăng ký văn bản đi / đến, Decree 30/2020/ND-CP
 * Art. 15 and 22, Appendix VI): the list of registers, and one register's entries for a year as a table, read by
 * {@link DocumentRegisterBook} as {@code GET /api/v1/documents/registers} reads them (clerks: their own unit; an entry
 * of the secret series only for those who may see its document).
 */
@Controller
@Validated
public class RegistersPage {

    private static final String REGISTER = "[A-Za-z0-9_.:-]{1,96}";

    private final DocumentRegisterBook registers;
    private final EofficeChoices choices;

    public RegistersPage(DocumentRegisterBook registers, EofficeChoices choices) {
        this.registers = registers;
        this.choices = choices;
    }

    /** One row of a register as the table shows it, dates written ngày/tháng/năm. */
    public record Row(DocumentRegisterBook.Entry entry, String date, String senderIssuedOn, String deadline,
                      String dueOn, String leadUnit) {
    }

    @GetMapping("/eoffice/registers")
    public String registers(Identity who, Model model) {
        model.addAttribute("registers", registers.registers(null, who));
        model.addAttribute("year", choices.today().getYear());
        return "eoffice/registers";
    }

    @GetMapping("/eoffice/registers/{register}")
    public String register(@PathVariable @Pattern(regexp = REGISTER) String register,
                           @RequestParam(required = false) @Min(2000) @Max(9999) Integer year,
                           @RequestParam(required = false) Series series, Identity who, Model model) {
        DocumentRegisterBook.Listing listing = registers.listing(register, year, series, 1, who);
        List<Row> rows = listing.entries().stream().map(entry -> new Row(entry, choices.date(entry.date()),
                choices.date(entry.senderIssuedOn()), choices.date(entry.deadline()), choices.date(entry.dueOn()),
                choices.unitName(entry.leadUnitId()))).toList();
        model.addAttribute("listing", listing);
        model.addAttribute("rows", rows);
        model.addAttribute("incoming", listing.register().startsWith("INCOMING:"));
        model.addAttribute("unitName", choices.unitName(listing.unitId()));
        return "eoffice/register";
    }
}
