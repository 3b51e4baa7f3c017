package org.chatline.common.config;

import org.chatline.common.security.ClientCredentialsServiceTokens;
import org.chatline.common.security.ServiceAuthProperties;
import org.chatline.common.security.ServiceTokens;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.web.client.RestClient;

/**
 * The one way to call another service: a service lists the services it calls under
 * {@code chat.clients.<service-id>.*} ({@link ServiceClientProperties}) and gets, per entry, a
 * {@link RestClient} bean named {@code <serviceId>Client} ({@code user-service} gives
 * {@code userServiceClient}), built by {@link ServiceClients}. A class that wraps such a client in
 * a typed API is then named, as a bean, without the suffix ({@code userService}).
 * <p>
 * The primary {@link RestClient.Builder} stays plain: the Eureka client builds its registry calls
 * with it, and those must neither be load-balanced nor carry a service token.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass({ RestClient.class, LoadBalanced.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceAuthProperties.class)
@Import(InternalClientsAutoConfiguration.DeclaredClients.class)
public class InternalClientsAutoConfiguration {

	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder() {
		return RestClient.builder();
	}

	@Bean
	ServiceClients serviceClients(Environment environment,
			ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer, ObjectProvider<ServiceTokens> tokens) {
		return new ServiceClients(Binder.get(environment), loadBalancer, tokens);
	}

	/**
	 * Tokens from auth-service's client-credentials endpoint, through the {@code auth-service} client;
	 * auth-service mints its own instead, and tests sign theirs with a test key (each declares its
	 * own {@link ServiceTokens}).
	 */
	@Bean
	@ConditionalOnMissingBean(ServiceTokens.class)
	ServiceTokens serviceTokens(ServiceClients clients, ServiceAuthProperties properties) {
		return new ClientCredentialsServiceTokens(clients.create("auth-service"), properties);
	}

	/** Registers a {@link RestClient} bean per {@code chat.clients} entry. */
	static class DeclaredClients implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

		private Environment environment;

		private BeanFactory beanFactory;

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beanFactory = beanFactory;
		}

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			for (String name : ServiceClients.declared(Binder.get(this.environment))) {
				registry.registerBeanDefinition(ServiceClients.beanName(name), new RootBeanDefinition(RestClient.class,
						() -> this.beanFactory.getBean(ServiceClients.class).create(name)));
			}
		}
	}
}
