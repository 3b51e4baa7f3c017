package org.chatline.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * One integration-test setup for every service, so the Spring context is shared between test
 * classes: the real PostgreSQL server (database {@code it_<application name>}, created on demand), an
 * in-process KRaft Kafka broker, no Eureka, and {@link TestTokens} trusted as access tokens.
 * PostgreSQL and Redis are found by {@link TestInfrastructure}: {@code TEST_POSTGRES_HOST} and the
 * like when set, else the machine's servers, else containers where Docker is available.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false",
				"spring.datasource.url=jdbc:postgresql://${TEST_POSTGRES_HOST:127.0.0.1}:${TEST_POSTGRES_PORT:5432}/it_${spring.application.name}",
				"REDIS_HOST=${TEST_REDIS_HOST:127.0.0.1}", "REDIS_PORT=${TEST_REDIS_PORT:6379}",
				"chat.kafka.partitions=1", "chat.outbox.poll-interval=100ms" })
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = { TestInfrastructure.Initializer.class, TestDatabaseInitializer.class })
@Import(TestSecurityConfiguration.class)
public @interface ServiceIT {
}
