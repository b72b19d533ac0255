package vn.motcua.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import vn.motcua.engine.document.BoundedPdf;
import vn.motcua.engine.problem.Problem;
import vn.motcua.portal.PdfSamples;

/** The one way a PDF from outside is opened: every bound ends as a problem, never as an error of the JVM. */
class BoundedPdfTest {

    private final BoundedPdf pdfs = BoundedPdf.withDefaults();

    @Test
    void aReadablePdfIsRead() {
        int pages = pdfs.read(PdfSamples.pdf("Don de nghi"), "file", document -> document.getNumberOfPages());
        assertThat(pages).isEqualTo(1);
    }

    @Test
    void aFlateBombIsRefusedWithinSecondsAsTooComplex() {
        byte[] bomb = PdfBombs.flateBomb();
        assertThat(bomb.length).as("the bomb is small").isLessThan(64 * 1024);
        long started = System.nanoTime();
        assertThatThrownBy(() -> pdfs.read(bomb, "file", document -> document.getDocumentCatalog()
                .getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.getPDFName("DSS"))))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                    assertThat(problem.slug()).isEqualTo("pdf-too-complex");
                    assertThat(problem.field()).isEqualTo("file");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void moreThanTwoHundredPagesIsRefused() {
        assertThatThrownBy(() -> pdfs.requireReadable(PdfBombs.pages(201), "files[0]"))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                    assertThat(problem.getMessage()).contains("200");
                });
        pdfs.requireReadable(PdfBombs.pages(200), "files[0]");
    }

    @Test
    void theTypeIsJudgedByContent() {
        assertThatThrownBy(() -> pdfs.requireReadable(PdfBombs.png(), "file"))
                .isInstanceOfSatisfying(Problem.class, problem ->
                        assertThat(problem.kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA));
        assertThatThrownBy(() -> pdfs.requireReadable("%PDF-1.7 but nothing else".getBytes(), "file"))
                .isInstanceOfSatisfying(Problem.class, problem ->
                        assertThat(problem.kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA));
    }

    @Test
    void aFileAboveTheCapIsNotRead() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, big, 0, 9);
        assertThatThrownBy(() -> pdfs.requireReadable(big, "file"))
                .isInstanceOfSatisfying(Problem.class, problem ->
                        assertThat(problem.kind()).isEqualTo(Problem.Kind.TOO_LARGE));
    }

    @Test
    void threeHundredThousandObjectsWithoutCrossReferenceTableAreRefusedQuicklyAndCheaply() {
        byte[] bomb = PdfBombs.objectBomb(300_000);
        assertThat(bomb.length).as("under the 10 MB file cap").isBetween(8_000_000, 10_000_000);
        assertRefusedCheaply(bomb);
    }

    @Test
    void theSameObjectsHiddenInObjectStreamsAreCountedToo() {
        byte[] declared = PdfBombs.objectStreamBomb(300_000, false);
        assertThat(declared.length).as("a quarter of the raw objects' size").isLessThan(3_000_000);
        assertRefusedCheaply(declared);
        // each stream's /N a reference: counted by the numbers in the stream's content
        assertRefusedCheaply(PdfBombs.objectStreamBomb(300_000, true));
    }

    @Test
    void theObjectsOfObjectStreamsInAnOrdinaryPdfCountAgainstTheBudget() {
        // PDFBox 3 saves the 200 pages in object streams: four raw object headers, some 200 objects in all
        byte[] pages = PdfBombs.pages(200);
        assertThat(new String(pages, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("/ObjStm");
        assertThatThrownBy(() -> withMaxObjects(150).requireReadable(pages, "file"))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.slug()).isEqualTo("pdf-too-complex");
                    assertThat(problem.getMessage()).contains("150");
                });
        withMaxObjects(250).requireReadable(pages, "file");
        pdfs.requireReadable(PdfBombs.objectBomb(90_000), "file");
    }

    private static BoundedPdf withMaxObjects(long maxObjects) {
        return new BoundedPdf(DataSize.ofMegabytes(10), DataSize.ofMegabytes(128), maxObjects, 200,
                Duration.ofSeconds(10), 1, 1, DataSize.ofMegabytes(16), DataSize.ofMegabytes(64));
    }

    /** Refused as too complex within 5 s, the heap at its highest less than 100 MB above where it was. */
    private void assertRefusedCheaply(byte[] bomb) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        assertThatThrownBy(() -> pdfs.read(bomb, "file", document -> document.getNumberOfPages()))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE);
                    assertThat(problem.slug()).isEqualTo("pdf-too-complex");
                    assertThat(problem.field()).isEqualTo("file");
                    assertThat(problem.getMessage()).contains("100000 đối tượng");
                });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        long after = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(peak - before).as("heap growth while refusing, bytes").isLessThan(100L << 20);
        assertThat(after - before).as("heap kept after refusing, bytes").isLessThan(20L << 20);
    }

    /** A reading that ignores interruption, as a parser deep in a crafted file would, for at most 5 s. */
    private static boolean holdUntil(CountDownLatch release) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (release.getCount() > 0 && System.nanoTime() < end) {
            try {
                release.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // keep holding the worker
            }
        }
        return true;
    }

    @Test
    void aReadingPastTheTimeoutIsRefusedAndAFullPoolAsksToRetry() throws Exception {
        BoundedPdf small = new BoundedPdf(DataSize.ofMegabytes(10), DataSize.ofMegabytes(128), 100_000, 200,
                Duration.ofMillis(300), 1, 1, DataSize.ofMegabytes(16), DataSize.ofMegabytes(64));
        try {
            byte[] pdf = PdfSamples.pdf("cham");
            CountDownLatch release = new CountDownLatch(1);
            assertThatThrownBy(() -> small.read(pdf, "file", document -> holdUntil(release)))
                    .isInstanceOfSatisfying(Problem.class, problem ->
                            assertThat(problem.kind()).isEqualTo(Problem.Kind.UNPROCESSABLE));
            // the one worker is still held by that reading; one more waits in the queue; the next is turned away
            CompletableFuture<Object> queued = CompletableFuture.supplyAsync(() -> {
                try {
                    return small.read(pdf, "file", document -> 1);
                } catch (Problem problem) {
                    return problem;
                }
            });
            Thread.sleep(100);
            assertThatThrownBy(() -> small.read(pdf, "file", document -> 1))
                    .isInstanceOfSatisfying(Problem.class, problem -> {
                        assertThat(problem.kind()).isEqualTo(Problem.Kind.UNAVAILABLE);
                        assertThat(problem.retryAfter()).isPresent();
                    });
            release.countDown();
            queued.get(5, TimeUnit.SECONDS);
            int pages = small.read(pdf, "file", document -> document.getNumberOfPages());
            assertThat(pages).isEqualTo(1);
        } finally {
            small.destroy();
        }
    }
}
