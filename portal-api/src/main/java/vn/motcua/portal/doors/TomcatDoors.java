package vn.motcua.portal.doors;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import vn.motcua.portal.problem.ProblemReportValve;

/**
 * What Tomcat answers itself, before the application (an unknown {@code Expect}, an undecodable
 * {@code Transfer-Encoding}, a malformed request line…), is answered as an RFC 9457 problem: the Host's error report
 * valve is {@link ProblemReportValve} instead of Tomcat's HTML page. The Host makes it when it starts, so the class
 * is named here on the Host the application's context is added to.
 */
@Component
class TomcatDoors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
