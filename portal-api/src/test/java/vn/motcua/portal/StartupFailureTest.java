package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.motcua.portal.support.ApplicationProcess;

/**
 * A start that fails ends the process with a non-zero exit code and one clear line, so that a supervisor sees it
 * and restarts or alerts — it never leaves a JVM alive that serves nothing.
 */
class StartupFailureTest {

    @Test
    void aFailedStartExitsNonZeroWithOneClearLine() throws Exception {
        Path data = Path.of("target", "startup-failure", Long.toString(System.nanoTime())).toAbsolutePath();
        ApplicationProcess node = ApplicationProcess.start(data, "--motcua.audit.signer.type=no-such-signer");
        boolean ended = node.process().waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            node.process().destroyForcibly();
        }
        assertThat(ended).as("the JVM ended by itself").isTrue();
        assertThat(node.process().exitValue()).isNotZero();
        assertThat(Files.readAllLines(node.log())).filteredOn(line -> line.contains("motcua could not start"))
                .singleElement().asString().contains("motcua.audit.signer.type must be dev-pki, pkcs12 or pkcs11");
    }
}
