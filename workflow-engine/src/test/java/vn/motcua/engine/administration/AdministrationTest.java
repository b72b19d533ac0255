package vn.motcua.engine.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.engine.administration.AdministrationCommand.RecordConfiguredUnits;
import vn.motcua.engine.administration.AdministrationCommand.SetCalendarOverride;
import vn.motcua.engine.administration.AdministrationEvent.CalendarDay;
import vn.motcua.engine.administration.AdministrationEvent.CalendarOverrideSet;
import vn.motcua.engine.administration.AdministrationEvent.Entry;
import vn.motcua.engine.administration.AdministrationEvent.UnitsChanged;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * The administration records' rules: the calendar's announced days (Labor Code 2019 Art. 112; the swaps the
 * Government announces each year) are entered by the administrator, each into the record of its own year; what the
 * configuration says is recorded by the system itself, never by a person.
 */
class AdministrationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final Actor ADMIN = new Actor("admin", "Quản trị hệ thống", Role.ADMIN, null);
    private static final Actor LEADER = new Actor("leader-hn", "Đặng Quốc Việt", Role.LEADER, "000.00.16.H26");
    private static final Actor SYSTEM = new Actor("system", "Hệ thống", Role.SYSTEM, null);
    private static final LocalDate SWAPPED_FRIDAY = LocalDate.of(2027, 4, 30);

    private AggregateTestFixture<Administration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Administration.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    @Test
    void onlyTheAdministratorSetsAnAnnouncedDay() {
        String record = AdministrationRecords.calendar(2027);
        fixture.givenNoPriorActivity()
                .when(new SetCalendarOverride(record, SWAPPED_FRIDAY, false, "Thông báo hoán đổi ngày làm việc", null,
                        ADMIN))
                .expectEvents(new CalendarOverrideSet(record, SWAPPED_FRIDAY, null,
                        new CalendarDay(false, "Thông báo hoán đổi ngày làm việc", "admin", NOW),
                        "2027-04-30: ngày nghỉ / day off — Thông báo hoán đổi ngày làm việc", ADMIN, NOW));
        refused(fixture.givenNoPriorActivity()
                        .when(new SetCalendarOverride(record, SWAPPED_FRIDAY, false, "Lãnh đạo tự đặt", null, LEADER)),
                AdministrationRule.ADMINISTRATOR_SETS_THE_CALENDAR);
    }

    @Test
    void aDayGoesOnlyIntoTheCalendarOfItsOwnYear() {
        refused(fixture.givenNoPriorActivity()
                        .when(new SetCalendarOverride(AdministrationRecords.calendar(2026), SWAPPED_FRIDAY, false,
                                "Sai năm", null, ADMIN)),
                AdministrationRule.DAY_OF_ITS_YEAR);
    }

    @Test
    void configurationIsRecordedByTheSystemNotByAPerson() {
        List<Entry> units = List.of(new Entry("000.00.16.H26", Map.of("name", "Sở Y tế Hà Nội")));
        fixture.givenNoPriorActivity()
                .when(new RecordConfiguredUnits("units", units, SYSTEM))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(UnitsChanged.class)),
                        org.axonframework.test.matchers.Matchers.andNoMore()));
        refused(fixture.givenNoPriorActivity().when(new RecordConfiguredUnits("units", units, ADMIN)),
                AdministrationRule.CONFIGURATION_RECORDED_BY_THE_SYSTEM);
    }

    private static void refused(ResultValidator<Administration> result, AdministrationRule rule) {
        result.expectException(AdministrationRuleViolation.class)
                .expectException(new org.hamcrest.FeatureMatcher<AdministrationRuleViolation, Object>(
                        org.hamcrest.Matchers.equalTo(rule), "a violation of", "rule") {
                    @Override
                    protected Object featureValueOf(AdministrationRuleViolation violation) {
                        return violation.rule();
                    }
                })
                .expectNoEvents();
    }
}
