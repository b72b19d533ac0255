package vn.motcua.engine.config;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.calendar.CalendarOverrides;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.calendar.WorkingHours;
import vn.motcua.process.FormValidator;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The engine's single instances of shared things: the one clock, the one JSON mapper behind Axon's
 * serializer, the working-day calendar, and the snake_case names of the Axon tables that Flyway
 * creates (see {@code db/migration/V1__event_store.sql}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MotcuaProperties.class)
public class EngineConfiguration {

    @Bean
    Clock clock(MotcuaProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    ProcedureCatalogue procedureCatalogue() {
        return new ProcedureCatalogue();
    }

    /** Checks each applicant's form against its procedure's JSON Schema. */
    @Bean
    FormValidator formValidator(ProcedureCatalogue catalogue, ObjectMapper objectMapper) {
        return new FormValidator(catalogue, objectMapper);
    }

    @Bean
    WorkingCalendar workingCalendar(MotcuaProperties properties, CalendarOverrides overrides) {
        Map<String, WorkingHours> hoursByUnit = properties.units().stream().filter(unit -> unit.hours() != null)
                .collect(Collectors.toMap(MotcuaProperties.OrgUnit::id, unit -> unit.hours().toWorkingHours()));
        return new WorkingCalendar(properties.zone(), properties.calendar().holidays().toRules(), overrides::list,
                properties.calendar().hours().toWorkingHours(), hoursByUnit);
    }

    /** Events, messages and tokens are stored as JSON written by Spring's mapper (ISO dates, records). */
    @Bean
    @Primary
    Serializer serializer(ObjectMapper objectMapper) {
        return JacksonSerializer.builder().objectMapper(objectMapper.copy()).build();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
