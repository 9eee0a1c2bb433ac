package io.gatehouse.userpool.user;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

/** Inserts a bare {@code user_pool} row (the pool feature is built elsewhere) and returns its user settings. */
public final class TestUserPools {

	private TestUserPools() {
	}

	public static PoolUserSettings insert(JdbcTemplate jdbc) {
		String id = "local-1_" + randomAlphanumerics(9);
		String name = "pool" + randomAlphanumerics(6);
		jdbc.update("insert into user_pool.user_pool(id,name,settings,deletion_protection,created_at,updated_at)"
				+ " values (?,?,'{}'::jsonb,false,now(),now())", id, name);
		return PoolUserSettings.defaults(id, name);
	}

	private static String randomAlphanumerics(int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder builder = new StringBuilder();
		for (int i = 0; i < length; i++) {
			builder.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return builder.toString();
	}

}
