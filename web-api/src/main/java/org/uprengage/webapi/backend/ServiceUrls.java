package org.uprengage.webapi.backend;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the services are, and how long web-api waits for them. */
@ConfigurationProperties("upr.services")
public record ServiceUrls(
    @DefaultValue("http://127.0.0.1:8081") URI engine,
    @DefaultValue("http://127.0.0.1:8082") URI notifications,
    @DefaultValue("10s") Duration timeout) {}
