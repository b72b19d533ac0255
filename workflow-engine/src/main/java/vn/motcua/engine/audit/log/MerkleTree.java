package vn.motcua.engine.audit.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The append-only Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf hashes are
 * {@code SHA-256(0x00 || data)}, interior nodes {@code SHA-256(0x01 || left || right)}, and a tree of n
 * leaves splits at the largest power of two smaller than n. The leaf data of our log is an event hash.
 * Proofs are generated from a {@link NodeSource} (the stored perfect subtrees) and verified by the
 * algorithms of sections 2.1.3.2 and 2.1.4.2, which need nothing but hashes.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = Hashes.sha256();
        digest.update(LEAF);
        return digest.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Hashes.sha256();
        digest.update(NODE);
        digest.update(left);
        return digest.digest(right);
    }

    /** The hash of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return Hashes.sha256(new byte[0]);
    }

    /**
     * Hashes of the perfect, aligned subtrees: level 0 holds the leaf hashes, node {@code (level, index)}
     * covers leaves {@code [index * 2^level, (index + 1) * 2^level)}.
     */
    public interface NodeSource {
        byte[] node(int level, long index);
    }

    /** MTH(D[start:end]) of RFC 9162, from the stored perfect subtrees. */
    public static byte[] subtreeHash(NodeSource nodes, long start, long end) {
        long size = end - start;
        if (size <= 0) {
            throw new IllegalArgumentException("empty range");
        }
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >> level);
        }
        long k = largestPowerOfTwoBelow(size);
        return nodeHash(subtreeHash(nodes, start, start + k), subtreeHash(nodes, start + k, end));
    }

    public static byte[] rootHash(NodeSource nodes, long size) {
        return size == 0 ? emptyRoot() : subtreeHash(nodes, 0, size);
    }

    /** PATH(m, D[n]) of RFC 9162 section 2.1.3.1: the audit path of leaf m in the tree of size n. */
    public static List<byte[]> inclusionProof(NodeSource nodes, long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, leafIndex, 0, treeSize, path);
        return path;
    }

    private static void path(NodeSource nodes, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(nodes, m, start, start + k, out);
            out.add(subtreeHash(nodes, start + k, end));
        } else {
            path(nodes, m - k, start + k, end, out);
            out.add(subtreeHash(nodes, start, start + k));
        }
    }

    /** PROOF(m, D[n]) of RFC 9162 section 2.1.4.1: that the tree of size m is a prefix of the tree of size n. */
    public static List<byte[]> consistencyProof(NodeSource nodes, long first, long second) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, first, 0, second, true, proof);
        return proof;
    }

    private static void subproof(NodeSource nodes, long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(subtreeHash(nodes, start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, complete, out);
            out.add(subtreeHash(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, out);
            out.add(subtreeHash(nodes, start, start + k));
        }
    }

    /** RFC 9162 section 2.1.3.2. */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path,
                                          byte[] rootHash) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** RFC 9162 section 2.1.4.2; a tree is trivially consistent with itself (empty proof, same root). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first <= 0 || first > second || proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Appends leaves to a tree of which only the frontier is known (the perfect subtrees whose sizes add up
     * to the current size): each append yields the nodes it completes, to be stored, and the root of any
     * size can be folded from the frontier.
     */
    public static final class Appender {

        /** A node that became complete: store it under {@code (level, index)}. */
        public record Node(int level, long index, byte[] hash) {
        }

        private final List<byte[]> frontier;
        private long size;

        /** @param frontier the perfect subtrees of a tree of {@code size} leaves, from the largest (left) down */
        public Appender(long size, List<byte[]> frontier) {
            if (frontier.size() != Long.bitCount(size)) {
                throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                        + " frontier nodes, not " + frontier.size());
            }
            this.size = size;
            this.frontier = new ArrayList<>(frontier);
        }

        /** The (level, index) of each frontier node of a tree of {@code size} leaves, largest first. */
        public static List<long[]> frontierPositions(long size) {
            List<long[]> positions = new ArrayList<>();
            for (int level = 63; level >= 0; level--) {
                if ((size >> level & 1) == 1) {
                    positions.add(new long[] {level, (size >> level) - 1});
                }
            }
            return positions;
        }

        public List<Node> append(byte[] leafHash) {
            List<Node> completed = new ArrayList<>();
            completed.add(new Node(0, size, leafHash));
            byte[] hash = leafHash;
            long index = size;
            int level = 0;
            while ((index & 1) == 1) {
                byte[] left = frontier.removeLast();
                hash = nodeHash(left, hash);
                index >>= 1;
                level++;
                completed.add(new Node(level, index, hash));
            }
            frontier.add(hash);
            size++;
            return completed;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (size == 0) {
                return emptyRoot();
            }
            byte[] root = frontier.getLast();
            for (int i = frontier.size() - 2; i >= 0; i--) {
                root = nodeHash(frontier.get(i), root);
            }
            return root;
        }
    }

    /** Leaf hashes held in memory, as a {@link NodeSource} (for verifiers and tests; O(2^level) per node). */
    public static NodeSource inMemory(List<byte[]> leafHashes) {
        return new NodeSource() {
            @Override
            public byte[] node(int level, long index) {
                if (level == 0) {
                    return leafHashes.get(Math.toIntExact(index));
                }
                return nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            }
        };
    }
}
