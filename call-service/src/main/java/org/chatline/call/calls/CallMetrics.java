package org.chatline.call.calls;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code chat_calls_active}: calls ringing or ongoing, read from the database at each scrape. */
@Component
class CallMetrics {

	CallMetrics(MeterRegistry meters, JdbcClient jdbc) {
		Gauge.builder("chat.calls.active",
				() -> jdbc.sql("select count(*) from call where status in ('RINGING', 'ONGOING')")
					.query(Long.class)
					.single())
			.description("Calls ringing or ongoing")
			.register(meters);
	}
}
