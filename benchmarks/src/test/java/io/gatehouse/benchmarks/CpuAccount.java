package io.gatehouse.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where the machine's CPU went while a load ran: the service's process (its {@code process.cpu.time}, read from
 * its actuator), this generator's JVM, and the rest of the machine (PostgreSQL, the other service, everything
 * else; from {@code /proc/stat}, so only on Linux). Divided by the requests answered in between, it says what
 * one request costs each of them, and so whether a throughput target fits this machine's cores at all: the load
 * generator shares them here, which a deployment's clients do not.
 */
final class CpuAccount {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	private final long serviceNanos;

	private final long generatorNanos;

	/** The machine's busy and total ticks since boot ({@code /proc/stat}), or null where there is no such file. */
	private final long[] machineTicks;

	private final long wallNanos;

	private CpuAccount(long serviceNanos, long generatorNanos, long[] machineTicks, long wallNanos) {
		this.serviceNanos = serviceNanos;
		this.generatorNanos = generatorNanos;
		this.machineTicks = machineTicks;
		this.wallNanos = wallNanos;
	}

	/** The service's CPU from one scrape of its Prometheus endpoint ({@link ServiceMetrics#scrape}), and ours now. */
	static CpuAccount of(String body) {
		long service = ServiceMetrics.value(body, "process_cpu_time_ns_total");
		long generator = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		return new CpuAccount(service, generator, machineTicks(), System.nanoTime());
	}

	/**
	 * {@code [busy, all]} ticks of the machine from the first line of {@code /proc/stat} (user, nice, system, idle,
	 * iowait, irq, softirq, steal): busy is user, nice, system, irq and softirq. Null where it cannot be read.
	 */
	private static long[] machineTicks() {
		try {
			List<String> lines = Files.readAllLines(PROC_STAT);
			return (lines.isEmpty()) ? null : ticks(lines.get(0));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static long[] ticks(String cpuLine) {
		String[] fields = cpuLine.trim().split("\\s+");
		if (fields.length < 9 || !fields[0].equals("cpu")) {
			return null;
		}
		long[] value = Arrays.stream(fields, 1, 9).mapToLong(Long::parseLong).toArray();
		long busy = value[0] + value[1] + value[2] + value[5] + value[6];
		return new long[] { busy, Arrays.stream(value).sum() };
	}

	/**
	 * One line on the CPU each part spent per request between {@code earlier} and this snapshot, and the time per
	 * request that {@code targetPerSecond} leaves on this machine's {@code cores}.
	 */
	String since(CpuAccount earlier, long requests, int targetPerSecond, int cores) {
		if (requests <= 0) {
			return "cpu: no requests counted";
		}
		double service = perRequest(this.serviceNanos - earlier.serviceNanos, requests);
		double generator = perRequest(this.generatorNanos - earlier.generatorNanos, requests);
		String budget = String.format("%d per second on %d cores leaves %.2f ms per refresh", targetPerSecond, cores,
				1000.0 * cores / targetPerSecond);
		if (this.machineTicks == null || earlier.machineTicks == null
				|| this.machineTicks[1] <= earlier.machineTicks[1]) {
			return String.format("cpu per refresh: service %.2f ms, generator %.2f ms (the machine's total not read);"
					+ " %s", service, generator, budget);
		}
		double busyShare = (double) (this.machineTicks[0] - earlier.machineTicks[0])
				/ (this.machineTicks[1] - earlier.machineTicks[1]);
		double machine = perRequest((long) (busyShare * cores * (this.wallNanos - earlier.wallNanos)), requests);
		return String.format("cpu per refresh: service %.2f ms, generator %.2f ms, rest of the machine %.2f ms"
				+ " (PostgreSQL and all else); %d cores %.0f %% busy; %s", service, generator,
				Math.max(0, machine - service - generator), cores, 100 * busyShare, budget);
	}

	private static double perRequest(long nanos, long requests) {
		return nanos / 1e6 / requests;
	}

}
