package vn.motcua.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.search.support.SearchIntegrationTest;

/**
 * An audit index created before events carried their aggregate type (strict mapping without {@code aggregateType}
 * and {@code aggregateId}) accepts them after the upgrade: the first use puts the definition's new fields on it.
 * The alias {@code audit-upgrade} stands for {@code audit-events}, with a copy of its definition.
 */
class AuditIndexUpgradeTest extends SearchIntegrationTest {

    private static final String ALIAS = "audit-upgrade";

    @Test
    void anAuditIndexCreatedBeforeTheAggregateTypeFieldsTakesThemAfterTheUpgrade() throws IOException {
        String beforeTheUpgrade = definitionWithout("aggregateType", "aggregateId");
        client.indices().create(c -> c.index(ALIAS + "-1").withJson(new StringReader(beforeTheUpgrade))
                .aliases(ALIAS, a -> a));

        new IndexGenerations(client, List.of(ALIAS)).ensure();
        client.index(i -> i.index(ALIAS).id("evt-1").document(Map.of("eventId", "evt-1", "aggregateType",
                "complaint", "aggregateId", "complaint-1", "type", "ComplaintReceived", "sequence", 0,
                "time", Instant.parse("2026-07-01T01:00:00Z").toString())));
        client.indices().refresh(r -> r.index(ALIAS));

        assertThat(client.count(c -> c.index(ALIAS).query(q -> q.term(t -> t.field("aggregateType")
                .value("complaint")))).count()).isEqualTo(1);
        assertThat(client.indices().getMapping(m -> m.index(ALIAS + "-1")).get(ALIAS + "-1").mappings()
                .properties()).containsKeys("aggregateType", "aggregateId", "dossierCode", "actorName");
    }

    /** The audit index's definition as it was before these fields. */
    private static String definitionWithout(String... fields) throws IOException {
        try (InputStream in = AuditIndex.class.getResourceAsStream("audit-events-index.json")) {
            ObjectNode definition = (ObjectNode) new ObjectMapper().readTree(in);
            ObjectNode properties = (ObjectNode) definition.path("mappings").path("properties");
            properties.remove(List.of(fields));
            return definition.toString();
        }
    }
}
