package vn.motcua.portal.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

/** The summary per procedure, unit and period: received, finished on time or late, in progress. */
class ReportsTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aDossierFinishedBeforeItsAppointedDateCountsAsFinishedOnTime() {
        String code = decidedAndReturned("citizen-a");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select on_time from report_dossier where code = ? and status = 'RESULT_RETURNED'", Boolean.class,
                code)).containsExactly(true));

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Api.Response response = as("reception-hn").get("/api/v1/reports/summary?from=" + today + "&to=" + today
                + "&unitId=" + HANOI + "&procedureCode=" + COSMETICS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode row = response.json().get("rows").get(0);
        assertThat(row.get("procedureCode").asText()).isEqualTo(COSMETICS);
        assertThat(row.get("unitId").asText()).isEqualTo(HANOI);
        assertThat(row.get("procedureName").asText()).startsWith("Cấp số tiếp nhận");
        assertThat(row.get("finishedOnTime").asLong()).isEqualTo(countOnTimeToday());
        assertThat(row.get("finishedOnTime").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.get("received").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(response.json().at("/total/finishedOnTime").asLong()).isEqualTo(row.get("finishedOnTime").asLong());
    }

    /**
     * Circular 01/2018/TT-VPCP Mẫu 06: "Trước hạn", "Đúng hạn", "Quá hạn" — finished before, on or after the
     * appointed date — counted apart, by the rule the register marks them with.
     */
    @Test
    void aDossierDecidedBeforeItsAppointedDateCountsAsTruocHan() {
        String code = decidedAndReturned("citizen-a");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select early from report_dossier where code = ? and status = 'RESULT_RETURNED'", Boolean.class,
                code)).containsExactly(true));

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        JsonNode row = as("reception-hn").get("/api/v1/reports/summary?from=" + today + "&to=" + today
                + "&unitId=" + HANOI + "&procedureCode=" + COSMETICS).json().get("rows").get(0);
        assertThat(row.get("finishedEarly").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from report_dossier where unit_id = ? and procedure_code = ? and early and finished_at"
                        + " >= date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh'",
                Long.class, HANOI, COSMETICS)).isGreaterThanOrEqualTo(1);
        assertThat(row.get("finishedEarly").asLong() + row.get("finishedOnDueDate").asLong())
                .isEqualTo(row.get("finishedOnTime").asLong());
    }

    @Test
    void officialsSeeTheirOwnUnitInspectorsEveryUnitCitizensNothing() {
        assertThat(as("reception-hn").get("/api/v1/reports/summary").json().get("unitId").asText()).isEqualTo(HANOI);
        assertThat(as("leader-hn").get("/api/v1/reports/summary?unitId=" + HCMC).status()).isEqualTo(403);
        Api.Response all = as("inspector").get("/api/v1/reports/summary");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().has("unitId")).isFalse();
        assertThat(as("citizen-a").get("/api/v1/reports/summary").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/reports/summary").status()).isEqualTo(401);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        Api.Response response = as("inspector").get("/api/v1/reports/summary?from=2026-12-01&to=2026-11-01");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("to");
    }

    private long countOnTimeToday() {
        return jdbc.queryForObject("""
                select count(*) from report_dossier where unit_id = ? and procedure_code = ? and on_time
                  and finished_at >= date_trunc('day', now() at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh'""",
                Long.class, HANOI, COSMETICS);
    }
}
