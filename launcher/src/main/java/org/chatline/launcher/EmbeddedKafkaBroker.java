package org.chatline.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in this JVM: KRaft, controller and broker combined,
 * started from the {@code kafka_2.13} artifacts the way {@code kafka-storage.sh format}
 * and {@code kafka-server-start.sh} would. The storage is formatted once, with a fixed
 * cluster id, and kept, so topics and committed offsets survive a restart.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

	/** Base64 of the 16 bytes "chatline-local-1": any stable, valid Kafka Uuid would do. */
	static final String CLUSTER_ID = "Y2hhdGxpbmUtbG9jYWwtMQ";

	private final KafkaRaftServer server;

	private EmbeddedKafkaBroker(KafkaRaftServer server) {
		this.server = server;
	}

	static EmbeddedKafkaBroker start(Path logDir, int port, int controllerPort) throws IOException {
		Files.createDirectories(logDir);
		Properties props = brokerProperties(logDir, port, controllerPort);
		format(logDir, props);
		KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
		server.startup();
		return new EmbeddedKafkaBroker(server);
	}

	static Properties brokerProperties(Path logDir, int port, int controllerPort) {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("log.dirs", logDir.toAbsolutePath().toString());
		// One node: every internal topic has one replica.
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "5");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("transaction.state.log.num.partitions", "5");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("default.replication.factor", "1");
		props.put("min.insync.replicas", "1");
		props.put("auto.create.topics.enable", "true");
		// Consumers of a fresh group start at once instead of waiting 3 s for more members.
		props.put("group.initial.rebalance.delay.ms", "0");
		// A dev box: keep a week or 256 MiB per partition, small segments and threads.
		props.put("log.retention.hours", "168");
		props.put("log.retention.bytes", String.valueOf(256L * 1024 * 1024));
		props.put("log.segment.bytes", String.valueOf(32 * 1024 * 1024));
		props.put("num.network.threads", "2");
		props.put("num.io.threads", "2");
		props.put("num.recovery.threads.per.data.dir", "1");
		props.put("background.threads", "2");
		return props;
	}

	/** {@code kafka-storage.sh format --ignore-formatted}: a no-op once the folder is formatted. */
	private static void format(Path logDir, Properties props) throws IOException {
		Path configFile = logDir.resolveSibling(logDir.getFileName() + ".properties");
		try (OutputStream out = Files.newOutputStream(configFile)) {
			props.store(out, "Written by the chatline launcher for kafka-storage format");
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit;
		try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			exit = StorageTool.execute(new String[] { "format", "--config", configFile.toString(), "--cluster-id",
					CLUSTER_ID, "--ignore-formatted" }, print);
		}
		if (exit != 0) {
			throw new IOException("Formatting Kafka storage in " + logDir + " failed (exit " + exit + "): "
					+ output.toString(StandardCharsets.UTF_8));
		}
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
	}

}
