package io.gatehouse.userpool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Starts the same work on several threads at once (behind a latch) and collects what each one got. */
public final class Concurrently {

	private Concurrently() {
	}

	/** Each element is either the value returned or the exception thrown. */
	public static List<Object> run(int threads, Callable<?> work) throws InterruptedException {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					ready.countDown();
					start.await();
					try {
						return work.call();
					}
					catch (Exception ex) {
						return ex;
					}
				}));
			}
			ready.await(30, TimeUnit.SECONDS);
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> future : futures) {
				try {
					results.add(future.get(60, TimeUnit.SECONDS));
				}
				catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
					results.add(ex);
				}
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
