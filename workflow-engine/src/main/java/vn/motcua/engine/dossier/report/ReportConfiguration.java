package vn.motcua.engine.dossier.report;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.calendar.WorkingCalendar;

/**
 * The reports projection is downstream of the event store like the others: a failing batch (database
 * trouble) holds the processor at its token and is retried, so the counts are delayed, never wrong.
 */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    OnTimeRule onTimeRule(WorkingCalendar calendar) {
        return new OnTimeRule(calendar);
    }

    @Bean
    ConfigurerModule reportProjectionRetriesOnFailure() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ReportProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
