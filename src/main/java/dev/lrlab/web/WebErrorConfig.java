package dev.lrlab.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Hostile and broken URLs: the first filter, and Tomcat's own error answers made readable. */
@Configuration(proxyBeanMethods = false)
public class WebErrorConfig {

    /** Session cookies that a cross-site {@code <iframe>} (an embed in slides) can use. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> embedCookies() {
        return factory -> factory.addContextCustomizers(context -> context.setCookieProcessor(new EmbedCookieProcessor()));
    }

    @Bean
    public FilterRegistrationBean<HostileUrlFilter> hostileUrlFilter() {
        FilterRegistrationBean<HostileUrlFilter> reg = new FilterRegistrationBean<>(new HostileUrlFilter());
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE); // before Spring's filters, which already parse the path
        reg.addUrlPatterns("/*");
        return reg;
    }

    /**
     * Runs after Spring Boot's own Tomcat customizer, which adds a plain {@link ErrorReportValve}
     * to the host; that one is swapped for {@link ReadableErrorReportValve}, and the host is told
     * the class so it does not add Tomcat's default again when it starts.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> readableTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve v : host.getPipeline().getValves()) {
                if (v instanceof ErrorReportValve && !(v instanceof ReadableErrorReportValve)) {
                    host.getPipeline().removeValve(v);
                }
            }
            host.getPipeline().addValve(new ReadableErrorReportValve());
            if (host instanceof StandardHost sh) {
                sh.setErrorReportValveClass(ReadableErrorReportValve.class.getName());
            }
        });
    }
}
