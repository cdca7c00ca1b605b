package dev.lrlab.testutil;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app on a random loopback port with small server caps, so attack and fuzz tests stay
 * fast (no request may run more than 200 steps in 50 dimensions, or about 4 ms of estimated work) while every other limit is the
 * shipped default. Rate limits are lifted: the tests send thousands of requests from one address.
 * Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "lrlab.limits.max-steps-per-run=200", "lrlab.limits.max-dim=50", "lrlab.limits.max-total-work=4e6",
    "lrlab.limits.max-sweep-points=16", "lrlab.limits.max-data-values=4000", "lrlab.api.timeout-ms=3000",
    "lrlab.links.rate-per-minute=1000000", "lrlab.classes.guesses-per-minute=1000000",
    "lrlab.classes.creates-per-hour=1000000", "lrlab.classes.joins-per-minute=1000000",
    "lrlab.api.body-timeout-ms=12000"})
public @interface SmallCapsServer {
}
