package vn.motcua.engine.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.config.PublicAddress;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Notifications to applicants: the templates, the SMS channel (an HTTP gateway when
 * {@code motcua.sms.gateway-url} is set, the {@code sms_outbox} table otherwise), the mail server (an in-JVM
 * SMTP server when {@code motcua.mail.embedded=true}, the default; {@code spring.mail.*} otherwise) and the
 * tracking processor {@value DossierNotifications#PROCESSING_GROUP}.
 *
 * <p>The processor is registered here rather than in {@code axon.eventhandling.processors} because it must not
 * start at the beginning of the event store: switched on for an installation that already holds dossiers, it
 * would write to every applicant about steps taken years ago. The first time it runs it starts at the events of
 * the last {@code motcua.notifications.initial-window} (default one hour); after that its token in PostgreSQL
 * says where it is. It propagates errors, so a mail or SMS outage holds it at its token and it retries.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    NotificationTemplates notificationTemplates(ResourceLoader resources,
            @Value("${motcua.notifications.templates:classpath:notifications/}") String location) {
        return new NotificationTemplates(location, resources);
    }

    @Bean
    DossierNotifications dossierNotifications(EventStore eventStore, JdbcTemplate jdbc,
            TransactionTemplate transactions, NotificationTemplates templates, ProcedureCatalogue catalogue,
            MotcuaProperties properties, ObjectProvider<JavaMailSender> mail, SmsGateway sms,
            @Value("${motcua.mail.from:mot-cua@localhost}") String from,
            @Value("${motcua.mail.from-name:Bộ phận Một cửa}") String fromName,
            @Value("${motcua.sms.unaccented:true}") boolean unaccentedSms, PublicAddress address) {
        return new DossierNotifications(eventStore, jdbc, transactions, templates, catalogue, properties,
                mail.getIfAvailable(), sms, new DossierNotifications.Settings(from, fromName, unaccentedSms), address);
    }

    @Bean
    ConfigurerModule notificationsProcessor(
            @Value("${motcua.notifications.initial-window:PT1H}") Duration initialWindow,
            @Value("${motcua.notifications.batch-size:20}") int batchSize) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(DossierNotifications.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(source -> source.createTokenAt(
                                        Instant.now().minus(initialWindow))))
                .registerListenerInvocationErrorHandler(DossierNotifications.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    @Bean
    @ConditionalOnExpression("'${motcua.sms.gateway-url:}'.trim() != ''")
    SmsGateway httpSmsGateway(@Value("${motcua.sms.gateway-url}") String url,
                              @Value("${motcua.sms.token:}") String token,
                              @Value("${motcua.sms.sender:}") String sender,
                              @Value("${motcua.sms.timeout:10s}") Duration timeout) {
        return new HttpSmsGateway(url, token, sender, timeout);
    }

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway outboxSmsGateway(JdbcTemplate jdbc) {
        return new OutboxSmsGateway(jdbc);
    }

    /**
     * The embedded default's mail server: GreenMail's SMTP server on a free loopback port, in the application's
     * JVM. It accepts every message and keeps it in memory (nothing is relayed to the Internet); tests read the
     * messages from this bean.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "motcua.mail.embedded", havingValue = "true", matchIfMissing = true)
    static class EmbeddedMail {

        @Bean(initMethod = "start", destroyMethod = "stop")
        GreenMail greenMail() {
            return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        }

        @Bean
        JavaMailSenderImpl embeddedMailSender(GreenMail greenMail) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(greenMail.getSmtp().getPort());
            sender.setDefaultEncoding("UTF-8");
            Properties properties = new Properties();
            properties.put("mail.smtp.connectiontimeout", "5000");
            properties.put("mail.smtp.timeout", "10000");
            sender.setJavaMailProperties(properties);
            return sender;
        }
    }
}
