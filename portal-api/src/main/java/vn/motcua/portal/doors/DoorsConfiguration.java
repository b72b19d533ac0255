package vn.motcua.portal.doors;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks made once a request has found its handler and before the handler runs (docs/security.md "Web doors"):
 * its text holds no control character, its content type is a real one, and a write is refused before it is made if
 * the caller would not accept its answer.
 */
@Configuration
class DoorsConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestTextInterceptor());
        registry.addInterceptor(new ContentTypeInterceptor());
        registry.addInterceptor(new AcceptBeforeWriteInterceptor());
    }
}
