package vn.motcua.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import vn.motcua.portal.demo.DemoMode;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The description opens with the demo warning when the demo users or the dev PKI are on. */
    @Bean
    OpenAPI motcuaOpenApi(DemoMode demo) {
        String description = "Dịch vụ công trực tuyến và văn phòng điện tử / Online public services and e-office";
        return new OpenAPI()
                .info(new Info().title("motcua API").version("v1")
                        .description(demo.on() ? DemoMode.WARNING + "\n\n" + description : description))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
