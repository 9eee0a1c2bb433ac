package io.gatehouse.userpool;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread prepares, by wrapping the application's {@link DataSource}:
 * the way to prove that two code paths do the same database work without measuring time. Import
 * {@link Configuration} into a test context, then {@link #record}.
 */
public final class StatementCounter {

	private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	private static final ThreadLocal<int[]> commits = new ThreadLocal<>();

	private StatementCounter() {
	}

	/**
	 * Runs {@code work} and returns what it returned together with the statements it prepared, in order, and how
	 * many transactions it committed explicitly (each one more round trip).
	 */
	public static <T> Recorded<T> record(Supplier<T> work) {
		List<String> statements = new ArrayList<>();
		int[] committed = new int[1];
		recording.set(statements);
		commits.set(committed);
		try {
			T value = work.get();
			return new Recorded<>(value, List.copyOf(statements), committed[0]);
		}
		finally {
			recording.remove();
			commits.remove();
		}
	}

	public record Recorded<T>(T value, List<String> statements, int commits) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? proxy(DataSource.class, dataSource) : bean;
				}
			};
		}

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result = invoke(method, target, args);
			if (result instanceof Connection connection && method.getName().equals("getConnection")) {
				return proxy(Connection.class, connection);
			}
			String name = method.getName();
			if (type == Connection.class && name.equals("commit") && commits.get() != null) {
				commits.get()[0]++;
			}
			if (type == Connection.class && (name.equals("prepareStatement") || name.equals("prepareCall")
					|| name.equals("createStatement"))) {
				List<String> statements = recording.get();
				if (statements != null) {
					statements.add((args != null && args.length > 0 && args[0] instanceof String sql) ? sql : name);
				}
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
