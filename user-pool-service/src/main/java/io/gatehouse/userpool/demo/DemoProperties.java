package io.gatehouse.userpool.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The try-it-in-a-minute demo.
 *
 * @param enabled seed (once) the "Gatehouse demo" pool and a public PKCE client whose callback is the demo
 * page at {@code /demo}; {@code ./start} turns it on, production leaves it off
 */
@ConfigurationProperties("gatehouse.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled) {
}
