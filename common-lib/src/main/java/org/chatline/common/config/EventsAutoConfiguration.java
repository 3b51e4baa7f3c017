package org.chatline.common.config;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.chatline.common.events.EventCodec;
import org.chatline.common.outbox.OutboxProperties;
import org.chatline.common.outbox.OutboxRelay;
import org.chatline.common.outbox.OutboxWriter;
import org.chatline.common.outbox.ProcessedEvents;
import org.chatline.common.outbox.ProcessedEventsPurge;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Event envelope codec, topic declarations and, where a service owns a database, the outbox. */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

	/**
	 * Every topic of the platform, each owned by an {@code -api} module's {@code TOPIC} constant.
	 * Every service creates all of them at start-up, so a consumer that starts before a topic's
	 * producer neither waits for it nor has the broker create it with its default partitions.
	 * common-lib does not depend on every owner's module, so the names are written here once;
	 * {@code EventsAutoConfigurationTests} checks they are the owners' constants.
	 */
	static final List<String> TOPICS = List.of("chat.users.v1", "chat.groups.v1", "chat.messages.v1",
			"chat.calls.v1", "chat.presence.v1", "chat.signals.v1");

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec(JsonMapper mapper) {
		return new EventCodec(mapper);
	}

	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	KafkaAdmin.NewTopics chatTopics(@Value("${chat.kafka.partitions:3}") int partitions) {
		List<NewTopic> topics = TOPICS.stream().map(t -> TopicBuilder.name(t).partitions(partitions).build()).toList();
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class })
	static class OutboxConfiguration {

		@Bean
		OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
				KafkaTemplate<String, String> kafka, OutboxProperties properties, MeterRegistry meters) {
			return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, properties, meters);
		}

		@Bean
		OutboxWriter outboxWriter(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay) {
			return new OutboxWriter(jdbc, codec, relay);
		}

		@Bean
		ProcessedEvents processedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
			return new ProcessedEvents(jdbc, new TransactionTemplate(transactionManager));
		}

		@Bean
		ProcessedEventsPurge processedEventsPurge(ProcessedEvents processed, OutboxProperties properties) {
			return new ProcessedEventsPurge(processed, properties);
		}
	}
}
