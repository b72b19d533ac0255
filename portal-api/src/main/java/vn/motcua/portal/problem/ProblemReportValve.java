package vn.motcua.portal.problem;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tomcat's error report for what it refuses before the application sees the request — a query string with
 * characters it will not take, an {@code Expect} it does not know (417), a {@code Transfer-Encoding} it cannot
 * decode (501, RFC 9112 §6.1), a malformed request line or URI (400) — written as an RFC 9457 problem
 * ({@code urn:motcua:problem:http-<status>}, Vietnamese and English titles) instead of Tomcat's HTML page with its
 * version. Never the exception's message or trace. Installed as the Host's error report valve by
 * {@code vn.motcua.portal.doors.TomcatDoors}; Tomcat makes it with its no-argument constructor, so it needs no bean.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: nothing below 400, nothing over a body already written, each error reported once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        try {
            byte[] body = JSON.writeValueAsBytes(problem(status, request));
            response.resetBuffer();
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to tell it
        }
    }

    static Map<String, Object> problem(int status, Request request) {
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        HttpStatus known = HttpStatus.resolve(status);
        String english = known == null ? "Error" : known.getReasonPhrase();
        String vietnamese = ProblemHandler.vietnamese(code);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:motcua:problem:http-" + status);
        problem.put("title", prefersEnglish(request) ? english : vietnamese);
        problem.put("status", status);
        problem.put("detail", vietnamese + " / " + english);
        problem.put("titleVi", vietnamese);
        problem.put("titleEn", english);
        return problem;
    }

    private static boolean prefersEnglish(Request request) {
        String language;
        try {
            language = request == null ? null : request.getHeader("Accept-Language");
        } catch (RuntimeException e) {
            return false;
        }
        return language != null && language.trim().toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }
}
