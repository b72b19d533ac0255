package vn.motcua.engine.audit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes that share one dev PKI (a node that joins an embedded one) each open it; an official enrolled by both at the
 * same moment gets one key and one certificate, the same that both nodes then sign with.
 */
class DevPkiSharedTest {

    @TempDir
    Path directory;

    @Test
    void twoNodesEnrollingOneOfficialTogetherGiveThemOneCertificate() throws Exception {
        DevPki first = open();
        DevPki second = open();
        assertThat(second.rootCertificate()).isEqualTo(first.rootCertificate());

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String official = "specialist-" + round;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<X509Certificate>> enrolled = new ArrayList<>();
                for (DevPki node : List.of(first, second)) {
                    enrolled.add(nodes.submit(() -> {
                        together.await();
                        return node.enrolOfficial(official, "Chuyên viên " + official, "000.00.16.H26");
                    }));
                }
                X509Certificate one = enrolled.get(0).get();
                assertThat(enrolled.get(1).get()).as(official).isEqualTo(one);
                String alias = Signer.officialAlias(official);
                assertThat(first.signer().chain(alias).getFirst()).isEqualTo(one);
                assertThat(second.signer().chain(alias).getFirst()).isEqualTo(one);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private DevPki open() {
        return DevPki.open(directory, "motcua-dev-pki".toCharArray(), "motcua (dev)",
                "http://localhost:8080/api/v1/pki/", Clock.systemUTC());
    }
}
