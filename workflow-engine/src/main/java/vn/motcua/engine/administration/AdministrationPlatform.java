package vn.motcua.engine.administration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.access.AccessPolicy;
import vn.motcua.engine.access.Scope;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateType;

/**
 * Administration as a tenant of the platform: its events are sealed (with the system seal: they belong to no
 * agency), published on {@code motcua.administration-events}, indexed for the inspector's audit search, and their
 * trail and package are served at {@code /api/v1/audit/administration/{record}/trail|package}.
 */
@Configuration(proxyBeanMethods = false)
public class AdministrationPlatform {

    public static final AggregateType<AdministrationEvent> ADMINISTRATION = new AggregateType<>("administration",
            "administration", Administration.class.getSimpleName(), AdministrationEvent.class,
            AdministrationEvent::recordId, "thay đổi quản trị");

    @Bean
    AggregateType<AdministrationEvent> administrationAggregateType() {
        return ADMINISTRATION;
    }

    /** Administrators change administration records and inspectors read them; nobody else sees them. */
    @Bean
    AccessPolicy<String> administrationAccessPolicy() {
        return new AccessPolicy<>() {
            @Override
            public AggregateType<?> type() {
                return ADMINISTRATION;
            }

            @Override
            public boolean maySee(Identity who, String recordId) {
                return who.has(Role.INSPECTOR) || who.has(Role.ADMIN);
            }

            @Override
            public boolean mayAct(Identity who, String recordId) {
                return !who.has(Role.INSPECTOR) && who.has(Role.ADMIN);
            }

            @Override
            public Scope scope(Identity who) {
                return who.has(Role.INSPECTOR) || who.has(Role.ADMIN) ? Scope.everything() : Scope.nothing();
            }
        };
    }
}
