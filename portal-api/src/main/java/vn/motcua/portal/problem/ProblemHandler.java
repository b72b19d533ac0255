package vn.motcua.portal.problem;

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import vn.motcua.engine.problem.Problem;

/**
 * Every error of the API as an RFC 9457 problem with a Vietnamese and an English title and, when a
 * field is at fault, its name. Spring MVC's own errors (malformed JSON, missing parts, wrong method…)
 * are rewritten into the same shape; anything unexpected is logged and answered without details.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;

    public ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> domain(Problem problem, HttpServletRequest request) {
        HttpStatus status = Problems.status(problem);
        ResponseEntity<ProblemDetail> answer = respond(problems.of(request, status, problem.slug(), problem.titleVi(),
                problem.titleEn(), problem.getMessage(), problem.field()));
        return problem.retryAfter().map(after -> ResponseEntity.status(answer.getStatusCode())
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds())))
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody()))
                .orElse(answer);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(invalid(request, e.getName(), "Giá trị '" + e.getValue() + "' không hợp lệ / Invalid value"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problems.FieldError(lastNode(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return respond(problems.withErrors(request, HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
                "Invalid input", summary(errors), errors));
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Lỗi hệ thống, vui lòng thử lại sau", "Internal error, please try again later",
                "Sự cố đã được ghi nhận / The incident has been logged", null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(),
                        error.getDefaultMessage()))
                .toList();
        return body(problems.withErrors(servlet(request), HttpStatus.BAD_REQUEST, "invalid-input",
                "Dữ liệu không hợp lệ", "Invalid input", summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return body(problems.withErrors(servlet(request), HttpStatus.BAD_REQUEST, "invalid-input",
                "Dữ liệu không hợp lệ", "Invalid input", summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        log.debug("Unreadable body", e);
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof BodyTooLargeException tooLarge) {
            return body(problems.of(servlet(request), HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    "Yêu cầu quá lớn", "Request too large", "Nội dung yêu cầu vượt quá "
                            + BodyTooLargeException.describe(tooLarge.limit()) + " / The request body exceeds "
                            + BodyTooLargeException.describe(tooLarge.limit()), "body"));
        }
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof StreamConstraintsException limit) {
            return body(problems.of(servlet(request), HttpStatus.BAD_REQUEST, "json-too-complex",
                    "Nội dung JSON vượt giới hạn", "JSON beyond limits",
                    "JSON lồng quá sâu, chuỗi hoặc số quá dài / JSON nested too deeply, or a string or number too long",
                    pointer(limit)));
        }
        if (cause instanceof ControlCharacterException control) {
            return body(problems.of(servlet(request), HttpStatus.BAD_REQUEST, "control-character",
                    "Văn bản chứa ký tự điều khiển", "Control character in text",
                    "Văn bản không được chứa ký tự điều khiển (như NUL) ngoài tab và xuống dòng / Text may not contain "
                            + "control characters (such as NUL) other than tab and line breaks", path(control)));
        }
        JsonParseException parse = null;
        for (Throwable each = cause; each != null && parse == null; each = each.getCause()) {
            parse = each instanceof JsonParseException found && found.getOriginalMessage() != null
                    && found.getOriginalMessage().startsWith("Duplicate ") ? found : null;
        }
        if (parse != null) {
            return body(problems.of(servlet(request), HttpStatus.BAD_REQUEST, "duplicate-key",
                    "Trường bị lặp lại trong JSON", "Duplicate JSON key",
                    "Một trường chỉ được nêu một lần / A field may appear only once", duplicated(parse)));
        }
        String field = e.getCause() instanceof JsonMappingException mapping ? path(mapping) : "body";
        return body(problems.of(servlet(request), HttpStatus.BAD_REQUEST, "malformed-json",
                "Nội dung yêu cầu không đọc được", "Malformed request body",
                "JSON sai cú pháp hoặc sai kiểu dữ liệu / Malformed JSON or wrong value type", field));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalid(servlet(request), e.getRequestPartName(),
                "Thiếu phần '" + e.getRequestPartName() + "' / Missing part '" + e.getRequestPartName() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(invalid(servlet(request), e.getParameterName(),
                "Thiếu tham số '" + e.getParameterName() + "' / Missing parameter '" + e.getParameterName() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(problems.of(servlet(request), HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large",
                "Tệp hoặc yêu cầu quá lớn", "File or request too large",
                "Vượt quá giới hạn tải lên / Upload limit exceeded", "files"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        return respond(invalid(request, "files", "Dữ liệu multipart không hợp lệ / Malformed multipart request"));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return body(problems.of(servlet(request), HttpStatus.NOT_FOUND, "no-such-endpoint",
                "Không có địa chỉ này", "No such endpoint", "Kiểm tra lại đường dẫn / Check the URL", null));
    }

    /** Spring MVC's remaining errors (405, 406, 415…) keep their status and get our titles. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "Error" : known.getReasonPhrase();
        ProblemDetail problem = problems.of(servlet(request), status, "http-" + status.value(),
                vietnamese(status), reason, body instanceof ProblemDetail detail ? detail.getDetail() : reason,
                null);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The field a mapping error is at ("applicant.fullName", "items[2]"), or "body". */
    private static String path(JsonMappingException mapping) {
        return mapping.getPath().isEmpty() ? "body" : mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** The duplicated key with its path ("applicant.fullName"): the object's path, then the name the message gives. */
    private static String duplicated(JsonParseException e) {
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("[\"']([^\"']*)[\"']").matcher(e.getOriginalMessage());
        if (!name.find()) {
            return "body";
        }
        String parent = e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null
                && parser.getParsingContext().getParent() != null
                ? parser.getParsingContext().getParent().pathAsPointer().toString() : "";
        String path = (parent + "/" + name.group(1)).substring(1);
        return path.replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    /** The field a JSON parser stopped at ("applicant.fullName", "items[2]"), or "body". */
    private static String pointer(com.fasterxml.jackson.core.JacksonException e) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.getParsingContext() == null) {
            return "body";
        }
        String field = parser.getParsingContext().pathAsPointer().toString();
        if (field.isEmpty() || field.equals("/")) {
            return "body";
        }
        return field.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    static String vietnamese(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Chưa đăng nhập";
            case 403 -> "Không có quyền thực hiện";
            case 404 -> "Không tìm thấy";
            case 405 -> "Phương thức không được hỗ trợ";
            case 406 -> "Không có định dạng phù hợp";
            case 413 -> "Yêu cầu quá lớn";
            case 414 -> "Địa chỉ yêu cầu quá dài";
            case 415 -> "Kiểu nội dung không được hỗ trợ";
            case 417 -> "Không đáp ứng được tiêu đề Expect";
            case 422 -> "Không xử lý được nội dung";
            case 431 -> "Tiêu đề yêu cầu quá lớn";
            case 501 -> "Máy chủ không hỗ trợ yêu cầu này";
            case 503 -> "Dịch vụ tạm thời quá tải";
            default -> status.is5xxServerError() ? "Lỗi hệ thống" : "Yêu cầu không được chấp nhận";
        };
    }

    private ProblemDetail invalid(HttpServletRequest request, String field, String detail) {
        return problems.of(request, HttpStatus.BAD_REQUEST, "invalid-input", "Dữ liệu không hợp lệ",
                "Invalid input", detail, field);
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
