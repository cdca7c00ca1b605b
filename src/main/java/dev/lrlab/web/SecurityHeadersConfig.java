package dev.lrlab.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Content-Security-Policy and nosniff on every answer that passes the hostile-URL filter. */
@Configuration(proxyBeanMethods = false)
public class SecurityHeadersConfig {

    @Bean
    public FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> reg = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after HostileUrlFilter, before Spring's own
        reg.addUrlPatterns("/*");
        return reg;
    }
}
