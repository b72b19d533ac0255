package vn.motcua.engine.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RFC 9162 section 2.1: hashing, audit paths and consistency proofs against the RFC's own definitions. */
class MerkleTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** MTH(D[n]) exactly as RFC 9162 defines it, on the list itself. */
    private static byte[] reference(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return Hashes.sha256(new byte[0]);
        }
        if (leafHashes.size() == 1) {
            return leafHashes.getFirst();
        }
        int k = Integer.highestOneBit(leafHashes.size() - 1);
        return MerkleTree.nodeHash(reference(leafHashes.subList(0, k)),
                reference(leafHashes.subList(k, leafHashes.size())));
    }

    @Test
    void leavesAndNodesAreHashedWithDomainSeparation() {
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        byte[] expectedLeaf = Hashes.sha256(new byte[] {0x00, 'x'});
        assertThat(MerkleTree.leafHash(data)).isEqualTo(expectedLeaf);
        byte[] concatenated = new byte[65];
        concatenated[0] = 0x01;
        System.arraycopy(expectedLeaf, 0, concatenated, 1, 32);
        System.arraycopy(expectedLeaf, 0, concatenated, 33, 32);
        assertThat(MerkleTree.nodeHash(expectedLeaf, expectedLeaf)).isEqualTo(Hashes.sha256(concatenated));
        assertThat(Hashes.hex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void appenderAndStoredNodesGiveTheRfcRootForEverySize() {
        List<byte[]> all = leaves(70);
        Map<String, byte[]> stored = new HashMap<>();
        MerkleTree.Appender appender = new MerkleTree.Appender(0, List.of());
        for (int n = 1; n <= all.size(); n++) {
            appender.append(all.get(n - 1)).forEach(node -> stored.put(node.level() + "/" + node.index(), node.hash()));
            List<byte[]> prefix = all.subList(0, n);
            assertThat(appender.root()).as("size %d", n).isEqualTo(reference(prefix));
            assertThat(MerkleTree.rootHash((level, index) -> stored.get(level + "/" + index), n)).isEqualTo(reference(prefix));
            // restarting from the stored frontier continues the same tree
            List<byte[]> frontier = MerkleTree.Appender.frontierPositions(n).stream()
                    .map(p -> stored.get(p[0] + "/" + p[1])).toList();
            assertThat(new MerkleTree.Appender(n, frontier).root()).isEqualTo(reference(prefix));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndNoWrongOneDoes() {
        List<byte[]> all = leaves(40);
        MerkleTree.NodeSource nodes = MerkleTree.inMemory(all);
        for (int n = 1; n <= all.size(); n++) {
            byte[] root = reference(all.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(nodes, m, n);
                assertThat(MerkleTree.verifyInclusion(all.get(m), m, n, proof, root)).as("leaf %d of %d", m, n).isTrue();
                assertThat(MerkleTree.verifyInclusion(all.get((m + 1) % n), m, n, proof, root) && n > 1).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion(all.get(m), (m + 1) % n, n, proof, root)).isFalse();
                    List<byte[]> bent = new ArrayList<>(proof);
                    bent.set(0, MerkleTree.leafHash(new byte[] {1}));
                    assertThat(MerkleTree.verifyInclusion(all.get(m), m, n, bent, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndAForkedHistoryDoesNot() {
        List<byte[]> all = leaves(40);
        MerkleTree.NodeSource nodes = MerkleTree.inMemory(all);
        for (int n = 1; n <= all.size(); n++) {
            byte[] second = reference(all.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = reference(all.subList(0, m));
                List<byte[]> proof = m == n ? List.of() : MerkleTree.consistencyProof(nodes, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof)).as("%d → %d", m, n).isTrue();
                if (m < n) {
                    List<byte[]> forked = new ArrayList<>(all.subList(0, m));
                    forked.set(m - 1, MerkleTree.leafHash(new byte[] {9}));
                    assertThat(MerkleTree.verifyConsistency(m, n, reference(forked), second, proof)).isFalse();
                }
            }
        }
    }
}
