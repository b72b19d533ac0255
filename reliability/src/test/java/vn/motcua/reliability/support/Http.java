package vn.motcua.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the bytes sent are exactly the bytes given (a hostile
 * body, a header a polite client would refuse to send), and a server that answers before reading a huge body, or
 * closes the connection on it, is observed as such instead of hanging the caller.
 */
public final class Http {

    public static final String PASSWORD = "motcua-demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESPONSE = 64 * 1024 * 1024;

    private final String host;
    private final int port;

    public Http(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    public String base() {
        return "http://" + host + ":" + port;
    }

    /** One request: method, the raw request target (already percent-encoded), headers and body. */
    public record Request(String method, String target, List<String[]> headers, byte[] body, String note) {

        public static Request of(String method, String target) {
            return new Request(method, target, new ArrayList<>(), null, null);
        }

        public Request header(String name, String value) {
            List<String[]> copy = new ArrayList<>(headers);
            copy.add(new String[] {name, value});
            return new Request(method, target, copy, body, note);
        }

        public Request as(String user) {
            return user == null ? this : header("Authorization", basic(user));
        }

        public Request body(String contentType, byte[] content) {
            if (contentType == null) {
                return new Request(method, target, headers, content, note);
            }
            Request request = new Request(method, target, headers.stream()
                    .filter(h -> !h[0].equalsIgnoreCase("Content-Type")).toList(), content, note);
            return request.header("Content-Type", contentType);
        }

        public Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Request multipart(Multipart parts) {
            return body(parts.contentType(), parts.bytes());
        }

        public Request noted(String text) {
            return new Request(method, target, headers, body, text);
        }

        /** What a person reading a failure needs to repeat it: the request line, headers, body (shortened). */
        public String describe() {
            StringBuilder text = new StringBuilder(method).append(' ').append(shorten(target, 300));
            for (String[] header : headers) {
                text.append(" | ").append(header[0]).append(": ").append(shorten(printable(header[1]), 120));
            }
            if (body != null) {
                text.append(" | body ").append(body.length).append(" B: ")
                        .append(shorten(printable(new String(body, 0, Math.min(body.length, 2000),
                                StandardCharsets.UTF_8)), 200));
            }
            if (note != null) {
                text.append(" [").append(note).append(']');
            }
            return text.toString();
        }
    }

    /** The answer; status -1 when the server closed the connection without one (a refusal of the body). */
    public record Response(int status, Map<String, String> headers, byte[] body, long millis, String failure) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json") && problemShape();
        }

        private boolean problemShape() {
            try {
                JsonNode problem = JSON.readTree(body);
                return problem.hasNonNull("status") && problem.path("status").asInt() == status
                        && problem.hasNonNull("title");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + shorten(text(), 500), e);
            }
        }

        public boolean contains(String value) {
            return value != null && text().contains(value);
        }

        public String problemType() {
            try {
                return JSON.readTree(body).path("type").asText("");
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        @Override
        public String toString() {
            return (status < 0 ? "no answer (" + failure + ")" : Integer.toString(status)) + " "
                    + shorten(printable(text()), 300);
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String target, String user) {
        return send(Request.of("GET", target).as(user));
    }

    public Response postJson(String target, String user, String json) {
        return send(Request.of("POST", target).as(user).json(json));
    }

    public Response send(Request request) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nConnection: close\r\n");
            for (String[] header : request.headers()) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            byte[] body = request.body();
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            // the body goes from another thread: a server may answer (413) and close before reading it all
            Thread writer = Thread.ofVirtual().start(() -> {
                if (body == null) {
                    return;
                }
                try {
                    for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                        out.write(body, offset, Math.min(64 * 1024, body.length - offset));
                    }
                    out.flush();
                } catch (IOException closedByServer) {
                    // observed by the reader
                }
            });
            byte[] raw;
            try {
                raw = readAll(socket.getInputStream());
            } catch (IOException e) {
                writer.interrupt();
                return new Response(-1, Map.of(), new byte[0], millis(start), e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
            writer.join(5_000);
            return parse(raw, millis(start));
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], millis(start),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = in.read(chunk)) != -1) {
            buffer.write(chunk, 0, read);
            if (buffer.size() > MAX_RESPONSE) {
                break;
            }
        }
        return buffer.toByteArray();
    }

    private static Response parse(byte[] raw, long millis) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            return new Response(-1, Map.of(), raw, millis, "connection closed with " + raw.length + " bytes and no answer");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body, millis, null);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOf(body, position, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String size = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(length, body.length - start));
            position = start + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    /** Control characters, bidi overrides and lone surrogates made visible, so a report line stays one line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(5000).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || (c >= 0xd800 && c <= 0xdfff)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** A multipart/form-data body built part by part, bytes as given. */
    public static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Multipart() {
            this("motcua-reliability-" + Long.toHexString(System.nanoTime()));
        }

        public Multipart(String boundary) {
            this.boundary = boundary;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public Multipart part(String name, String fileName, String contentType, byte[] content) {
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data");
            if (name != null) {
                head.append("; name=\"").append(name).append('"');
            }
            if (fileName != null) {
                head.append("; filename=\"").append(fileName).append('"');
            }
            head.append("\r\n");
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        public Multipart json(String name, String json) {
            return part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Multipart pdf(String name, String fileName, byte[] content) {
            return part(name, fileName, "application/pdf", content);
        }

        public Multipart raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }

        /** The parts without the closing boundary: a truncated upload. */
        public byte[] truncated() {
            return out.toByteArray();
        }
    }
}
