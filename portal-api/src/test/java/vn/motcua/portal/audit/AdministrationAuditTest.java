package vn.motcua.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.engine.administration.ConfigurationRecorder;
import vn.motcua.engine.administration.ConfiguredUsers;
import vn.motcua.engine.administration.ProcedureVersions;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Every administrative change is an audited event (issue 12, item 6): the administrator's calendar overrides, which
 * move every deadline, and what the configuration puts in service at start (procedure versions, units, users) are
 * events of the {@code administration} aggregate type — sealed with the system seal, in the inspector's trail and
 * audit search. Before, the override table was written with no event at all: the trail of {@code calendar-<year>}
 * answered 404 and nothing recorded procedures, units or users.
 */
class AdministrationAuditTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int YEAR = 2187;
    private static final String CALENDAR = "calendar-" + YEAR;

    @Autowired
    private WorkingCalendar calendar;
    @Autowired
    private ConfigurationRecorder recorder;
    @Autowired
    private ProcedureCatalogue catalogue;
    @Autowired
    private RepositoryService repository;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private MotcuaProperties properties;
    @Autowired
    private ObjectProvider<ConfiguredUsers> users;

    @Test
    void anOverrideSetAndRemovedIsTwoSealedEventsInTheTrailOfItsYearAndMovesTheDeadline() {
        LocalDate day = aTuesdayAfterAWorkingMonday();
        Instant mondayMorning = day.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(calendar.zone()).toInstant();
        assertThat(calendar.dueDate(mondayMorning, 1)).as("before the override").isEqualTo(day);

        Api.Response set = as("admin").putJson("/api/v1/admin/calendar/overrides/" + day, """
                {"working":false,"reason":"Thông báo số 99/TB-BLĐTBXH: hoán đổi ngày làm việc"}""");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(calendar.isWorkingDay(day)).as("the override applies to every deadline").isFalse();
        assertThat(calendar.dueDate(mondayMorning, 1)).isEqualTo(calendar.nextWorkingDay(day)).isAfter(day);

        Api.Response removed = as("admin").delete("/api/v1/admin/calendar/overrides/" + day);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(calendar.dueDate(mondayMorning, 1)).as("the computed calendar again").isEqualTo(day);

        Api.Response exported = as("inspector").get("/api/v1/audit/administration/" + CALENDAR + "/package");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        JsonNode trail = as("inspector").get("/api/v1/audit/administration/" + CALENDAR + "/trail").json();
        assertThat(trail.get("status").asText()).as(trail.toString()).isEqualTo("VALID");
        assertThat(trail.get("events")).extracting(event -> event.get("type").asText().replaceAll(".*[.$]", ""),
                        event -> event.get("status").asText(), event -> event.at("/signature/sealedAs").asText(),
                        event -> event.get("actorId").asText())
                .containsExactly(tuple("CalendarOverrideSet", "VALID", "SYSTEM", "admin"),
                        tuple("CalendarOverrideRemoved", "VALID", "SYSTEM", "admin"));

        List<JsonNode> stored = payloads(exported);
        assertThat(stored.get(0).get("day").asText()).isEqualTo(day.toString());
        assertThat(stored.get(0).path("before").isNull() || stored.get(0).path("before").isMissingNode())
                .as("no override before").isTrue();
        assertThat(stored.get(0).at("/after/working").asBoolean(true)).isFalse();
        assertThat(stored.get(0).at("/after/reason").asText()).startsWith("Thông báo số 99/TB-BLĐTBXH");
        assertThat(stored.get(0).at("/after/setBy").asText()).isEqualTo("admin");
        assertThat(stored.get(1).at("/before/working").asBoolean(true)).as("what was removed").isFalse();
        assertThat(stored.get(1).at("/actor/role").asText()).isEqualTo("ADMIN");

        JsonNode found = awaitIndexed(CALENDAR, 2);
        assertThat(found.get("hits")).extracting(hit -> hit.get("type").asText())
                .containsExactly("CalendarOverrideRemoved", "CalendarOverrideSet");
        assertThat(as("inspector").putJson("/api/v1/admin/calendar/overrides/" + day,
                "{\"working\":true,\"reason\":\"x\"}").status()).as("inspectors change nothing").isEqualTo(403);
    }

    @Test
    void aRefusedOverrideRecordsNothing() {
        LocalDate day = LocalDate.of(YEAR - 1, 6, 2);
        String record = "calendar-" + (YEAR - 1);
        int calendarEvents = calendarEvents();
        int overrides = jdbc.queryForObject("select count(*) from calendar_override", Integer.class);

        Api.Response noReason = as("admin").putJson("/api/v1/admin/calendar/overrides/" + day,
                "{\"working\":false,\"reason\":\"  \"}");
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        Api.Response badDay = as("admin").putJson("/api/v1/admin/calendar/overrides/" + YEAR + "-02-30",
                "{\"working\":false,\"reason\":\"Thông báo\"}");
        assertThat(badDay.status()).as(badDay.toString()).isEqualTo(400);
        Api.Response farYear = as("admin").putJson("/api/v1/admin/calendar/overrides/2300-01-02",
                "{\"working\":false,\"reason\":\"Thông báo\"}");
        assertThat(farYear.status()).as(farYear.toString()).isEqualTo(400);
        assertThat(farYear.json().get("field").asText()).isEqualTo("day");
        Api.Response nothingToRemove = as("admin").delete("/api/v1/admin/calendar/overrides/" + day);
        assertThat(nothingToRemove.status()).as(nothingToRemove.toString()).isEqualTo(404);

        assertThat(calendarEvents()).as("no calendar event").isEqualTo(calendarEvents);
        assertThat(jdbc.queryForObject("select count(*) from calendar_override", Integer.class)).isEqualTo(overrides);
        assertThat(events(record)).isZero();
        assertThat(events("calendar-2300")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from calendar_override where day in (?, ?)", Integer.class,
                day, LocalDate.of(2300, 1, 2))).isZero();
        assertThat(as("inspector").get("/api/v1/audit/administration/" + record + "/trail").status()).isEqualTo(404);
    }

    @Test
    void eachProcedureVersionInServiceIsRecordedOnceAndARestartRecordsNothingMore() {
        for (Procedure procedure : catalogue.all()) {
            String record = "procedure-" + procedure.code();
            assertThat(events(record)).as(record).isEqualTo(1);
            JsonNode payload = storedPayload(record, 0);
            assertThat(payload.at("/after/processDefinitionId").asText()).isEqualTo(repository
                    .createProcessDefinitionQuery().processDefinitionKey(procedure.processKey()).latestVersion()
                    .singleResult().getId());
            assertThat(payload.at("/after/catalogueEntry/feeVnd").asLong()).isEqualTo(procedure.feeVnd());
            assertThat(payload.at("/actor/role").asText()).isEqualTo("SYSTEM");
        }

        assertThat(recorder.record().total()).as("a restart compares and finds nothing new").isZero();
        assertThat(recorder.record().total()).isZero();
        for (Procedure procedure : catalogue.all()) {
            assertThat(events("procedure-" + procedure.code())).isEqualTo(1);
        }

        String record = "procedure-" + COSMETICS;
        as("inspector").get("/api/v1/audit/administration/" + record + "/package");
        JsonNode trail = as("inspector").get("/api/v1/audit/administration/" + record + "/trail").json();
        assertThat(trail.get("status").asText()).as(trail.toString()).isEqualTo("VALID");
        assertThat(trail.at("/events/0/signature/sealedAs").asText()).isEqualTo("SYSTEM");
    }

    @Test
    void twoNodesStartingTogetherRecordANewProcedureVersionOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String code = "TEST.RACE." + round + "." + System.nanoTime();
                ProcedureCatalogue deployed = new ProcedureCatalogue(new ByteArrayInputStream("""
                        {"procedures":[{"code":"%s","name":"Thủ tục thử hai máy chủ","processKey":"test_race",
                          "timeLimit":{"days":1,"count":"WORKING_DAYS"},"feeVnd":0}]}""".formatted(code)
                        .getBytes(StandardCharsets.UTF_8)));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<ConfigurationRecorder.Recorded>> runs = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    ConfigurationRecorder recorderOfNode = new ConfigurationRecorder(commands, transaction, jdbc,
                            new ProcedureVersions(deployed, repository), properties, users);
                    runs.add(nodes.submit(() -> {
                        start.await();
                        return recorderOfNode.record();
                    }));
                }
                int recorded = 0;
                for (Future<ConfigurationRecorder.Recorded> run : runs) {
                    recorded += run.get(1, TimeUnit.MINUTES).total();
                }
                assertThat(recorded).as("round " + round + ": one node records, the other finds it recorded")
                        .isEqualTo(1);
                assertThat(events("procedure-" + code)).isEqualTo(1);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void theConfiguredUnitsAndUsersAreRecordedWithoutSecrets() {
        assertThat(events("units")).isEqualTo(1);
        JsonNode units = storedPayload("units", 0);
        assertThat(units.get("added")).extracting(unit -> unit.get("id").asText()).containsExactly(HANOI, HCMC);
        assertThat(units.at("/added/0/facts/name").asText()).isEqualTo("Sở Y tế Hà Nội (demo)");
        assertThat(units.at("/added/0/facts/superior").asText()).isEqualTo("UBND Thành phố Hà Nội");

        assertThat(events("users")).isEqualTo(1);
        JsonNode users = storedPayload("users", 0);
        List<String> ids = new ArrayList<>();
        users.get("added").forEach(user -> ids.add(user.get("id").asText()));
        assertThat(ids).contains("admin", "inspector", "reception-hn", "citizen-a");
        assertThat(users.toString()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("bcrypt");

        assertThat(recorder.record().total()).isZero();
        JsonNode trail = as("inspector").get("/api/v1/audit/administration/units/trail").json();
        assertThat(trail.at("/events/0/signature/sealedAs").asText()).as(trail.toString()).isEqualTo("SYSTEM");
        assertThat(trail.at("/events/0/problems")).isEmpty();
    }

    private int calendarEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like"
                + " 'calendar-%'", Integer.class);
    }

    /** A Tuesday of {@link #YEAR} that is a working day, as is the Monday before it. */
    private LocalDate aTuesdayAfterAWorkingMonday() {
        LocalDate day = LocalDate.of(YEAR, 3, 2);
        while (day.getDayOfWeek() != DayOfWeek.TUESDAY || !calendar.isWorkingDay(day)
                || !calendar.isWorkingDay(day.minusDays(1)) || !calendar.isWorkingDay(day.plusDays(1))) {
            day = day.plusDays(1);
        }
        return day;
    }

    private List<JsonNode> payloads(Api.Response exported) {
        List<JsonNode> payloads = new ArrayList<>();
        exported.json().get("events").forEach(event -> payloads.add(event.get("payload")));
        return payloads;
    }

    /** The payload of one event as the inspector's package holds it (stored JSON). */
    private JsonNode storedPayload(String record, int sequence) {
        Api.Response exported = as("inspector").get("/api/v1/audit/administration/" + record + "/package");
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        return payloads(exported).get(sequence);
    }

    private JsonNode awaitIndexed(String id, int events) {
        JsonNode[] result = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Response response = as("inspector").get("/api/v1/audit/events?aggregateType=administration"
                    + "&aggregateId=" + id);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("total").asInt()).isEqualTo(events);
            result[0] = response.json();
        });
        return result[0];
    }
}
