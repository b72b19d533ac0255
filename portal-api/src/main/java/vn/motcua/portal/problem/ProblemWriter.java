package vn.motcua.portal.problem;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security's refusals (no or bad credentials, wrong role, a request its firewall rejects) as RFC 9457 problems, like
 * every other error.
 */
@Component
public class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    /** The methods Spring Security's firewall lets through (StrictHttpFirewall's default); any other is a 405. */
    private static final java.util.Set<String> METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ObjectMapper mapper;
    private final Problems problems;

    public ProblemWriter(ObjectMapper mapper, Problems problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\", Bearer");
        write(request, response, problems.of(request, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Chưa đăng nhập hoặc thông tin đăng nhập không đúng", "Not authenticated",
                "Hãy đăng nhập để dùng dịch vụ / Sign in to use this service", null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(request, response, problems.of(request, HttpStatus.FORBIDDEN, "forbidden",
                "Không có quyền thực hiện", "Forbidden",
                "Vai trò của bạn không được phép thực hiện thao tác này / Your role may not do this", null));
    }

    /**
     * The firewall's refusal (an unknown method such as TRACE or PROPFIND, an encoded slash or a NUL in the path…):
     * without this, it answers a bare 400 with no body, even on the container's error dispatch.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException exception) throws IOException {
        if (!METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", new java.util.TreeSet<>(METHODS)));
            write(request, response, problems.of(request, HttpStatus.METHOD_NOT_ALLOWED, "http-405",
                    ProblemHandler.vietnamese(HttpStatus.METHOD_NOT_ALLOWED), "Method Not Allowed",
                    "Phương thức HTTP này không được hỗ trợ / This HTTP method is not supported", null));
            return;
        }
        write(request, response, problems.of(request, HttpStatus.BAD_REQUEST, "request-rejected",
                "Yêu cầu bị từ chối", "Request rejected",
                "Địa chỉ hoặc tiêu đề yêu cầu chứa ký tự không được phép / The URL or a header contains characters "
                        + "that are not allowed", null));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
