package vn.motcua.engine.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import vn.motcua.engine.problem.Problem;

/**
 * The one way a PDF that comes from outside is opened: bounded in size, in what its streams inflate to, in pages,
 * in memory and in time, so that no crafted document can exhaust the heap or hold a request thread.
 * <ol>
 *   <li>the file must start with {@code %PDF-} (type by content, never by the declared media type) and be at most
 *       {@code motcua.uploads.max-file-size} (413);</li>
 *   <li>its Flate streams together inflate to at most {@code motcua.pdf.max-inflated-size} ({@link
 *       InflationBudget}; 422), since PDFBox decodes a stream in the heap whatever its memory setting says;</li>
 *   <li>it holds at most {@code motcua.pdf.max-objects} indirect objects, object headers and the objects of object
 *       streams counted in the raw bytes ({@link ObjectBudget}; 422), since PDFBox's lenient parser builds every
 *       object of a file without cross-reference table in the heap;</li>
 *   <li>PDFBox loads it with {@link MemoryUsageSetting#setupMixed(long, long)} (a main-memory cap, then a temporary
 *       file, itself capped);</li>
 *   <li>it has at most {@code motcua.pdf.max-pages} pages (422);</li>
 *   <li>all of it runs on a small pool of workers with a bounded queue: a document not read within
 *       {@code motcua.pdf.timeout}, or that still runs out of memory, is a 422 and the error never reaches the
 *       caller; a full pool answers 503 with {@code Retry-After}.</li>
 * </ol>
 */
@Component
public class BoundedPdf implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BoundedPdf.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** What is done with the opened document, inside the worker (PDFBox reads objects lazily). */
    @FunctionalInterface
    public interface Reading<T> {
        T read(PDDocument document) throws IOException;
    }

    private final long maxBytes;
    private final long maxInflatedBytes;
    private final long maxObjects;
    private final int maxPages;
    private final Duration timeout;
    private final MemoryUsageSetting memory;
    private final ThreadPoolExecutor workers;

    public BoundedPdf(@Value("${motcua.uploads.max-file-size:10MB}") DataSize maxFileSize,
                      @Value("${motcua.pdf.max-inflated-size:128MB}") DataSize maxInflated,
                      @Value("${motcua.pdf.max-objects:100000}") long maxObjects,
                      @Value("${motcua.pdf.max-pages:200}") int maxPages,
                      @Value("${motcua.pdf.timeout:10s}") Duration timeout,
                      @Value("${motcua.pdf.workers:2}") int workers,
                      @Value("${motcua.pdf.queue:16}") int queue,
                      @Value("${motcua.pdf.max-main-memory:16MB}") DataSize mainMemory,
                      @Value("${motcua.pdf.max-temp-storage:256MB}") DataSize tempStorage) {
        this.maxBytes = maxFileSize.toBytes();
        this.maxInflatedBytes = maxInflated.toBytes();
        this.maxObjects = maxObjects;
        this.maxPages = maxPages;
        this.timeout = timeout;
        this.memory = MemoryUsageSetting.setupMixed(mainMemory.toBytes(), tempStorage.toBytes());
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                task -> {
                    Thread thread = new Thread(task, "pdf-reader-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Bounds from the embedded default, for code that runs outside Spring (tests, tools). */
    public static BoundedPdf withDefaults() {
        return new BoundedPdf(DataSize.ofMegabytes(10), DataSize.ofMegabytes(128), 100_000, 200, Duration.ofSeconds(10), 2, 16,
                DataSize.ofMegabytes(16), DataSize.ofMegabytes(256));
    }

    /** The largest file read, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** True if {@code content} starts as every PDF file starts (ISO 32000-1 §7.5.2). */
    public static boolean looksLikePdf(byte[] content) {
        return content != null && content.length >= 5
                && new String(content, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-");
    }

    /**
     * Opens {@code pdf} within the bounds and reads it with {@code reading}.
     *
     * @param field the request field the file came in, named by the problem if it is refused
     * @throws Problem 413 too large, 415 not a PDF, 422 too complex, 503 when every worker is busy
     */
    public <T> T read(byte[] pdf, String field, Reading<T> reading) {
        check(pdf, field);
        Future<T> result;
        try {
            result = workers.submit(() -> load(pdf, field, reading));
        } catch (RejectedExecutionException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "pdf-readers-busy", "Hệ thống đang bận, vui lòng thử lại sau",
                    "Busy, please retry later", "Đang xử lý nhiều tệp PDF / Too many PDF files are being read",
                    field).retryAfter(RETRY_AFTER);
        }
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            log.warn("A PDF in '{}' was not read within {}: refused", field, timeout);
            throw tooComplex(field, "không đọc xong trong " + timeout.toSeconds() + " giây / not read within "
                    + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw tooComplex(field, "bị gián đoạn / interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Opens and closes {@code pdf} within the bounds: a readable PDF of at most the allowed pages, or a problem. */
    public void requireReadable(byte[] pdf, String field) {
        read(pdf, field, document -> null);
    }

    private void check(byte[] pdf, String field) {
        if (pdf.length > maxBytes) {
            throw new Problem(Problem.Kind.TOO_LARGE, "file-too-large", "Tệp quá lớn", "File too large",
                    "Tệp vượt quá " + DataSize.ofBytes(maxBytes).toMegabytes() + " MB / The file exceeds "
                            + DataSize.ofBytes(maxBytes).toMegabytes() + " MB", field);
        }
        if (!looksLikePdf(pdf)) {
            throw notPdf(field);
        }
    }

    private <T> T load(byte[] pdf, String field, Reading<T> reading) {
        try {
            if (!InflationBudget.within(pdf, maxInflatedBytes)) {
                throw tooComplex(field, "nội dung nén giải ra quá " + DataSize.ofBytes(maxInflatedBytes).toMegabytes()
                        + " MB / compressed content expands beyond " + DataSize.ofBytes(maxInflatedBytes).toMegabytes()
                        + " MB");
            }
            if (!ObjectBudget.within(pdf, maxObjects)) {
                throw tooComplex(field, "quá " + maxObjects + " đối tượng / more than " + maxObjects + " objects");
            }
            try (PDDocument document = Loader.loadPDF(pdf, "", null, null, memory.streamCache)) {
                if (document.getNumberOfPages() > maxPages) {
                    throw tooComplex(field, "quá " + maxPages + " trang / more than " + maxPages + " pages");
                }
                return reading.read(document);
            }
        } catch (IOException e) {
            throw notPdf(field);
        } catch (Problem e) {
            throw e;
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException | ClassCastException
                 | IndexOutOfBoundsException | NullPointerException e) {
            // PDFBox's answer to some malformed structures
            throw notPdf(field);
        } catch (OutOfMemoryError e) {
            log.warn("A PDF in '{}' ran out of memory while being read: refused", field);
            throw tooComplex(field, "cần quá nhiều bộ nhớ / needs too much memory");
        } catch (StackOverflowError e) {
            throw tooComplex(field, "cấu trúc lồng quá sâu / nested too deeply");
        }
    }

    private static Problem notPdf(String field) {
        return new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "not-a-pdf", "Tệp không phải PDF", "Not a PDF file",
                "Tệp không phải tệp PDF đọc được / The file is not a readable PDF", field);
    }

    private static Problem tooComplex(String field, String why) {
        return new Problem(Problem.Kind.UNPROCESSABLE, "pdf-too-complex", "Tệp PDF quá phức tạp để xử lý",
                "PDF too complex to process", "Tệp PDF bị từ chối: " + why, field);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
