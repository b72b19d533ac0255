package vn.motcua.portal.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.problem.Problems;

/**
 * A page's error as a page: the problem's title in the person's language and its detail, with the status the API
 * would answer (the same 404 for what may not be seen as for what does not exist). Never a stack trace; anything
 * unexpected is logged and shown as "the system could not complete the request".
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    private final WebPages frame;

    public WebErrors(WebPages frame) {
        this.frame = frame;
    }

    @ExceptionHandler(Problem.class)
    public ModelAndView problem(Problem problem, Locale locale, HttpServletRequest request) {
        HttpStatus status = Problems.status(problem);
        return framed(page(status, "en".equals(locale.getLanguage()) ? problem.titleEn() : problem.titleVi(),
                problem.getMessage()), locale, request);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    public ModelAndView denied(Locale locale, HttpServletRequest request) {
        return framed(page(HttpStatus.FORBIDDEN, null, null), locale, request);
    }

    @ExceptionHandler({org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
            org.springframework.web.bind.MissingServletRequestParameterException.class,
            org.springframework.web.method.annotation.HandlerMethodValidationException.class,
            jakarta.validation.ConstraintViolationException.class,
            org.springframework.web.multipart.MultipartException.class})
    public ModelAndView badRequest(Locale locale, HttpServletRequest request) {
        return framed(page(HttpStatus.BAD_REQUEST, null, null), locale, request);
    }

    @ExceptionHandler(Exception.class)
    public ModelAndView unexpected(Exception e, Locale locale, HttpServletRequest request) {
        log.error("A page failed", e);
        return framed(page(HttpStatus.INTERNAL_SERVER_ERROR, null, null), locale, request);
    }

    /** An exception handler's view gets none of {@link WebPages}' model attributes: the frame's are added here. */
    private ModelAndView framed(ModelAndView page, Locale locale, HttpServletRequest request) {
        page.addObject("me", frame.me());
        page.addObject("language", frame.language(locale));
        page.addObject("otherLanguage", frame.otherLanguage(request, locale));
        return page;
    }

    public static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("problemTitle", title);
        page.addObject("problemDetail", detail);
        return page;
    }
}
