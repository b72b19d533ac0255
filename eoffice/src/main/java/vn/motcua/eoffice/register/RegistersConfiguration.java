package vn.motcua.eoffice.register;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link RegisterKinds} ({@code motcua.document-registers}); its defaults apply when nothing is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegisterKinds.class)
class RegistersConfiguration {
}
