package io.reserva.google;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GoogleProperties.class, GoogleFeedProperties.class, GoogleUpdateProperties.class})
class GoogleConfiguration {}
