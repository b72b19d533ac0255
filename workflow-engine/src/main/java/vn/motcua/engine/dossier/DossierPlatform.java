package vn.motcua.engine.dossier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.platform.AggregateType;

/** Dossiers as a tenant of the platform: their events are sealed, published, projected and audited by it. */
@Configuration(proxyBeanMethods = false)
public class DossierPlatform {

    public static final AggregateType<DossierEvent> DOSSIERS = new AggregateType<>("dossier", "dossiers",
            Dossier.class.getSimpleName(), DossierEvent.class, DossierEvent::code, "hồ sơ",
            event -> statusName(DossierStatus.after(null, event)));

    private static String statusName(DossierStatus status) {
        return status == null ? null : status.name();
    }

    @Bean
    AggregateType<DossierEvent> dossierAggregateType() {
        return DOSSIERS;
    }
}
