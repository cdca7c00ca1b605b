package dev.lrlab.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * API request bodies are read by {@link ApiBodyFilter} under these caps, before Spring does;
     * the cap never drops below {@code lrlab.links.max-spec-bytes} (a link's spec must fit).
     */
    @Bean
    public FilterRegistrationBean<ApiBodyFilter> apiBodyFilter(
            @Value("${lrlab.api.max-body-bytes:2097152}") long maxBodyBytes,
            @Value("${lrlab.links.max-spec-bytes:65536}") long maxSpecBytes,
            @Value("${lrlab.api.body-timeout-ms:10000}") long bodyTimeoutMs,
            @Value("${lrlab.api.max-buffered-bytes:67108864}") long maxBufferedBytes) {
        long max = Math.max(maxBodyBytes, maxSpecBytes);
        BodyLimits limits = new BodyLimits(max, bodyTimeoutMs, Math.max(maxBufferedBytes, max));
        FilterRegistrationBean<ApiBodyFilter> reg = new FilterRegistrationBean<>(new ApiBodyFilter(limits));
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after the URL checks, before anything reads the body
        reg.addUrlPatterns("/api/*");
        reg.setAsyncSupported(true);
        reg.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return reg;
    }

    /** Lets a refused request body be left unread: the connection closes instead of draining it. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> drainlessClose() {
        return factory -> factory.addContextValves(new DrainlessCloseValve());
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
