package org.chatline.common.config;

import org.chatline.common.readiness.ReadinessProperties;
import org.chatline.common.readiness.RequiredServicesHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;

/**
 * The {@code requiredServices} health indicator (part of readiness, see chatline-defaults), for a
 * service that lists the services it calls in {@code chat.readiness.requires}.
 */
@AutoConfiguration
@ConditionalOnClass({ HealthIndicator.class, LoadBalancerClient.class })
@ConditionalOnProperty("chat.readiness.requires")
@EnableConfigurationProperties(ReadinessProperties.class)
public class ReadinessAutoConfiguration {

	@Bean
	RequiredServicesHealthIndicator requiredServicesHealthIndicator(ReadinessProperties properties,
			ObjectProvider<LoadBalancerClient> loadBalancer) {
		return new RequiredServicesHealthIndicator(properties.requires(), serviceId -> {
			LoadBalancerClient client = loadBalancer.getIfAvailable();
			return client != null && client.choose(serviceId) != null;
		});
	}
}
