package vn.motcua.portal.web.citizen;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.engine.dossier.code.DossierCodes;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.web.WebErrors;
import vn.motcua.portal.api.ResultVerificationController;
import vn.motcua.portal.api.SearchController;
import vn.motcua.portal.ratelimit.RateLimits;
import vn.motcua.search.PublicDossierStatus;

/**
 * The public doors, without sign-in: the status lookup (tra cứu hồ sơ) by dossier code and the applicant's phone or
 * ID number, and checking a result's electronic original by the code and verification code printed on it or by
 * uploading a copy. The page asks the API's own controllers, so that the answers are the same — in particular the
 * same "not found" whichever part is wrong — and takes a token of the same rate limit as the API's door for the
 * same client, so that the pages are no way around it.
 */
@Controller
public class PublicPages {

    private final SearchController search;
    private final ResultVerificationController verification;
    private final RateLimits limits;

    public PublicPages(SearchController search, ResultVerificationController verification, RateLimits limits) {
        this.search = search;
        this.verification = verification;
        this.limits = limits;
    }

    @GetMapping("/lookup")
    public ModelAndView lookupForm() {
        ModelAndView page = new ModelAndView("citizen/lookup");
        page.addObject("notFound", false);
        return page;
    }

    /** Posted, not a query: the phone or ID number stays out of addresses, histories and access logs. */
    @PostMapping("/lookup")
    public ModelAndView lookup(@RequestParam(required = false) String code,
                               @RequestParam(required = false) String phoneOrIdNumber, HttpServletRequest request,
                               HttpServletResponse response) {
        ModelAndView page = new ModelAndView("citizen/lookup");
        page.addObject("notFound", false);
        page.addObject("code", code);
        page.addObject("phoneOrIdNumber", phoneOrIdNumber);
        if (code == null && phoneOrIdNumber == null) {
            return page;
        }
        if (tooMany("public-lookup", request, response)) {
            return tooManyPage();
        }
        if (code == null || code.isBlank() || code.length() > 64 || phoneOrIdNumber == null
                || phoneOrIdNumber.isBlank() || phoneOrIdNumber.length() > 20) {
            page.addObject("notFound", true);
            return page;
        }
        try {
            PublicDossierStatus status = search.lookup(code, phoneOrIdNumber);
            page.addObject("status", status);
            page.addObject("receivedOn", MyDossierPages.when(status.receivedAt()));
            page.addObject("dueOn", MyDossierPages.day(status.dueDate()));
        } catch (Problem problem) {
            if (problem.kind() != Problem.Kind.NOT_FOUND) {
                throw problem;
            }
            page.addObject("notFound", true);
        }
        return page;
    }

    @GetMapping("/verify")
    public ModelAndView verify(@RequestParam(required = false) String code, @RequestParam(required = false) String v,
                               HttpServletRequest request, HttpServletResponse response) {
        if (code == null && v == null) {
            return verifyPage();
        }
        return verifyCode(code, v, request, response);
    }

    /** The address a result's QR code leads a person to: {@code /verify/{code}?v=…}. */
    @GetMapping("/verify/{code}")
    public ModelAndView verifyCode(@PathVariable String code, @RequestParam(required = false) String v,
                                   HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = verifyPage();
        page.addObject("code", code);
        page.addObject("v", v);
        if (tooMany("public-result", request, response)) {
            return tooManyPage();
        }
        if (!wellFormed(code, v)) {
            page.addObject("notFound", true);
            return page;
        }
        try {
            page.addObject("report", verification.result(code.strip(), v.strip()));
        } catch (Problem problem) {
            if (problem.kind() != Problem.Kind.NOT_FOUND) {
                throw problem;
            }
            page.addObject("notFound", true);
        }
        return page;
    }

    /** A copy uploaded to be compared with the result issued under the code and verification code printed on it. */
    @PostMapping("/verify")
    public ModelAndView check(@RequestParam(required = false) String code, @RequestParam(required = false) String v,
                              @RequestParam(name = "file", required = false) MultipartFile file,
                              HttpServletRequest request, HttpServletResponse response, Locale locale) {
        ModelAndView page = verifyPage();
        page.addObject("code", code);
        page.addObject("v", v);
        page.addObject("uploaded", true);
        if (file == null || file.isEmpty()) {
            page.addObject("problem", new FieldProblem("file", "en".equals(locale.getLanguage())
                    ? "Choose the PDF file of the result" : "Chọn tệp PDF kết quả cần kiểm tra"));
            return page;
        }
        if (tooMany("public-result", request, response)) {
            return tooManyPage();
        }
        if (!wellFormed(code, v)) {
            page.addObject("notFound", true);
            return page;
        }
        try {
            page.addObject("report", verification.check(code.strip(), v.strip(), file));
            page.addObject("fileName", file.getOriginalFilename());
        } catch (Problem problem) {
            if (problem.kind() == Problem.Kind.NOT_FOUND) {
                page.addObject("notFound", true);
            } else if (problem.field() != null && problem.kind() != Problem.Kind.UNAVAILABLE) {
                page.addObject("problem", new FieldProblem("file", Bilingual.pick(problem.getMessage(), locale)));
            } else {
                throw problem;
            }
        }
        return page;
    }

    private static ModelAndView verifyPage() {
        ModelAndView page = new ModelAndView("citizen/verify");
        page.addObject("notFound", false);
        page.addObject("uploaded", false);
        return page;
    }

    private static boolean wellFormed(String code, String v) {
        return code != null && code.strip().matches(DossierCodes.PATTERN) && v != null && !v.isBlank()
                && v.strip().length() <= 32;
    }

    private boolean tooMany(String limit, HttpServletRequest request, HttpServletResponse response) {
        RateLimits.Verdict verdict = limits.take(limit, request.getRemoteAddr());
        if (!verdict.allowed()) {
            response.setHeader("Retry-After", String.valueOf(verdict.retryAfterSeconds()));
        }
        return !verdict.allowed();
    }

    private static ModelAndView tooManyPage() {
        return WebErrors.page(HttpStatus.TOO_MANY_REQUESTS, null, null);
    }
}
