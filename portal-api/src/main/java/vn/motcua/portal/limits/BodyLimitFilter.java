package vn.motcua.portal.limits;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.motcua.portal.problem.BodyTooLargeException;
import vn.motcua.portal.problem.Problems;

/**
 * The first filter of every request, before authentication: a body announced larger than its door's cap
 * ({@link BodyLimits}) is refused with 413 before a byte of it is read, so an anonymous caller cannot make the
 * service read or hold more than the door takes. A body sent without a length (chunked) is counted as it is read
 * and fails at the cap ({@link BodyTooLargeException}, answered 413 by the problem handler). Multipart bodies are
 * parsed by the servlet container, onto disk, under {@code spring.servlet.multipart.max-request-size}; their
 * announced length is checked here like any other.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

    private final BodyLimits limits;
    private final Problems problems;
    private final ObjectMapper mapper;

    public BodyLimitFilter(BodyLimits limits, Problems problems, ObjectMapper mapper) {
        this.limits = limits;
        this.problems = problems;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize limit = limits.of(request.getMethod(), request.getRequestURI().substring(
                request.getContextPath().length()));
        long announced = request.getContentLengthLong();
        if (announced > limit.toBytes()) {
            refuse(request, response, limit);
            return;
        }
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase().startsWith("multipart/");
        chain.doFilter(announced < 0 && !multipart ? new Counted(request, limit) : request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
        ProblemDetail problem = problems.of(request, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                "Yêu cầu quá lớn", "Request too large", "Nội dung yêu cầu vượt quá "
                        + BodyTooLargeException.describe(limit) + " / The request body exceeds "
                        + BodyTooLargeException.describe(limit), "body");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        // the unread body is not drained: the connection ends with this answer
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }

    /** A request whose body stream fails once more than the cap has been read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding()));
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final DataSize limit;
        private long count;

        CountingStream(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                add(read);
            }
            return read;
        }

        private void add(long read) throws BodyTooLargeException {
            count += read;
            if (count > limit.toBytes()) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
