package org.chatline.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fault tests do to a running {@link Platform}: kill a service as a crash would, start it
 * again, start a second instance, take an embedded server away for a while. Test code only: it
 * drives the platform through the steps its start is made of ({@link Platform#spawn},
 * {@link Platform#awaitReady}, {@link Platform#startServer}). Test methods get one as a parameter
 * (see {@link PlatformExtension}).
 */
final class FaultInjector {

	private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

	private final Platform platform;

	FaultInjector(Platform platform) {
		this.platform = platform;
	}

	/**
	 * Kills a running instance with SIGKILL, as a crash would: no graceful shutdown, no shutdown
	 * hooks, in-flight requests cut. The instance stays known, so {@link #restart} can start it again.
	 * @param name the instance name: the module name (e.g. {@code message-service}) or the name given
	 * to {@link #startInstance}
	 */
	void kill(String name) {
		ServiceProcess process = this.platform.process(name);
		log.info("Killing {} (pid {}) with SIGKILL", name, process.pid());
		ProcessHandle.of(process.pid()).ifPresent(handle -> {
			handle.destroyForcibly();
			try {
				handle.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(name + " did not die within 10 s of SIGKILL", ex);
			}
		});
	}

	/** Starts a killed instance again with its former settings, and waits until it is ready. */
	void restart(String name) {
		this.platform.awaitReady(List.of(this.platform.spawn(this.platform.process(name).instance())));
	}

	/**
	 * Starts one more instance of a service next to the first (e.g. a second realtime-service), with
	 * its own ports set through {@code env}, and waits until it is ready. It is stopped with the platform.
	 */
	void startInstance(PlatformService service, String name, int httpPort, Map<String, String> env) {
		this.platform.awaitReady(List.of(
				this.platform.spawn(new ServiceProcess.Instance(service, name, httpPort, Map.copyOf(env)))));
	}

	/**
	 * Stops an embedded server, keeps it down for {@code downtime}, then starts it again on its port
	 * with its data (Redis keeps none), and returns once it serves. The services are left alone:
	 * they must find their way back by themselves.
	 */
	void outage(Platform.Server server, Duration downtime) {
		log.info("Stopping {} for {} s", server, downtime.toSeconds());
		try {
			this.platform.stopServer(server);
			Thread.sleep(downtime.toMillis());
			log.info(this.platform.startServer(server));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during the " + server + " outage", ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Restarting " + server + " failed: " + ex.getMessage(), ex);
		}
	}

}
