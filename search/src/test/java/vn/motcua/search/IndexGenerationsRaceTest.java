package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import vn.motcua.search.support.SearchIntegrationTest;

/**
 * Two nodes that meet a missing alias at the same moment (each creates the search indexes on first use) choose one
 * generation behind it: an alias over two indexes takes no writes, and nothing more would be indexed. The alias
 * {@code generations-race} has a copy of the audit index's definition; each round starts without its indexes, the
 * second node 0–78 ms after the first.
 */
class IndexGenerationsRaceTest extends SearchIntegrationTest {

    private static final String ALIAS = "generations-race";

    @Test
    void nodesMeetingTheMissingAliasTogetherPutOneIndexBehindIt() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                List<String> previous = client.indices().resolveIndex(r -> r.name(ALIAS + "-*")).indices().stream()
                        .map(index -> index.name()).toList();
                if (!previous.isEmpty()) {
                    client.indices().delete(d -> d.index(previous));
                }
                CountDownLatch together = new CountDownLatch(1);
                List<Future<?>> ensured = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    // the second node a little later each round, so that its reading meets the first one's creation
                    long lag = node * 2L * round;
                    ensured.add(nodes.submit(() -> {
                        together.await();
                        Thread.sleep(lag);
                        new IndexGenerations(client, List.of(ALIAS)).ensure();
                        return null;
                    }));
                }
                together.countDown();
                for (Future<?> done : ensured) {
                    done.get();
                }
                assertThat(client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet())
                        .as("the indexes behind the alias in round %d", round).hasSize(1);
            }
        } finally {
            nodes.shutdownNow();
        }
    }
}
