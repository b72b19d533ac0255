package vn.motcua.portal.problem;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors raised outside Spring MVC (by the servlet container or a filter) reach {@code /error}; they
 * get the same problem shape, with no message or trace from the exception. Called directly, it is a 404 like any
 * other address with nothing behind it, and it is no operation of the API (hidden from the OpenAPI document).
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    private final Problems problems;

    public ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*"})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // called directly, not forwarded by the container with an error: there is nothing at this address
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 404);
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "Error" : known.getReasonPhrase();
        ProblemDetail problem = problems.of(request, status, "http-" + status.value(),
                ProblemHandler.vietnamese(status), reason, reason, null);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
