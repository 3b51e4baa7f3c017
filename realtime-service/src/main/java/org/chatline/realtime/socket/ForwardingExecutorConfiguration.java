package org.chatline.realtime.socket;

import org.chatline.realtime.RealtimeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class ForwardingExecutorConfiguration {

	/**
	 * Runs the blocking HTTP calls that forward client emits, off the Socket.IO event loop. The
	 * queue is bounded: when it is full a client gets an error instead of an ever-growing backlog.
	 */
	@Bean
	ThreadPoolTaskExecutor forwardingExecutor(RealtimeProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("realtime-forward-");
		executor.setCorePoolSize(properties.forwardThreads());
		executor.setMaxPoolSize(properties.forwardThreads());
		executor.setQueueCapacity(1000);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(5);
		return executor;
	}
}
