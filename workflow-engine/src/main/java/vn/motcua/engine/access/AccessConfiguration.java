package vn.motcua.engine.access;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.motcua.engine.platform.AggregateTypes;

/** Collects the access policies and checks that every aggregate type has exactly one. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    AccessPolicies accessPolicies(List<AccessPolicy<?>> policies, AggregateTypes types) {
        return new AccessPolicies(policies, types);
    }
}
