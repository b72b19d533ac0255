package vn.motcua.eoffice.signing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poppler's {@code pdfsig} (Debian {@code poppler-utils}), an independent PAdES checker, installed by
 * {@code scripts/setup.sh} (which CI runs); tried with apt-get when missing and the tests run as root. A test that
 * needs it fails when it is missing: it never skips.
 */
final class Pdfsig {

    static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

    private Pdfsig() {
    }

    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(PDFSIG)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        assertTrue(root, "pdfsig is absent and the tests do not run as root: run scripts/setup.sh");
        run("apt-get", "install", "-y", "poppler-utils");
        if (!Files.isExecutable(PDFSIG)) {
            run("apt-get", "update");
            run("apt-get", "install", "-y", "poppler-utils");
        }
        assertTrue(Files.isExecutable(PDFSIG), "apt-get could not install poppler-utils: run scripts/setup.sh");
    }

    /** pdfsig's report on a file. */
    static String check(Path pdf) throws IOException, InterruptedException {
        ensureInstalled();
        return run(PDFSIG.toString(), "-nocert", pdf.toString());
    }

    /** The CAdES (PAdES) signatures in a pdfsig report. */
    static int cadesSignatures(String report) {
        return count(report, "Signature Type: ETSI\\.CAdES\\.detached");
    }

    /** The CAdES signatures for which pdfsig says "Signature is Valid.". */
    static int validCadesSignatures(String report) {
        return count(report, "Signature Type: ETSI\\.CAdES\\.detached\\n(?:  - .*\\n)*?"
                + "  - Signature Validation: Signature is Valid\\.");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        process.waitFor(5, TimeUnit.MINUTES);
        return new String(output, StandardCharsets.UTF_8);
    }
}
