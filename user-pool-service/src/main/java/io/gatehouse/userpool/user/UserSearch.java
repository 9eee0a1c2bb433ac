package io.gatehouse.userpool.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * ListUsers: a pool's users, optionally filtered, in keyset pages served by an index (see migration V52 for
 * why a late page costs what the first does). Filtered listings are ordered by the attribute's key, then
 * {@code sub}; unfiltered ones by creation time, then {@code sub}. The pagination token holds the position
 * of the last user returned, so users created or deleted while an administrator pages neither repeat nor
 * shift the users that were there all along.
 */
@Service
public final class UserSearch {

	private static final AttributesJsonConverter ATTRIBUTES_JSON = new AttributesJsonConverter();

	private static final String COLUMNS = "sub, pool_id, username, attributes, status, enabled, created_at, updated_at,"
			+ " password_changed_at, temporary_password_expires_at";

	private final JdbcClient jdbc;

	UserSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of users with the token of the next, or null on the last page. */
	public record Result(List<User> users, String paginationToken) {
	}

	/**
	 * @param filter Cognito's filter string, or null
	 * @throws InvalidUserParameterException for a malformed filter or a token not issued for this listing
	 */
	public Result search(PoolUserSettings pool, String filter, int limit, String paginationToken) {
		Query query = query(pool, UserFilter.parse(filter), limit, paginationToken);
		JdbcClient.StatementSpec statement = this.jdbc.sql(query.sql());
		for (Map.Entry<String, Object> parameter : query.parameters().entrySet()) {
			statement = statement.param(parameter.getKey(), parameter.getValue());
		}
		List<Row> rows = statement.query(UserSearch::row).list();
		if (rows.size() <= limit) {
			return new Result(rows.stream().map(Row::user).toList(), null);
		}
		Row last = rows.get(limit - 1);
		return new Result(rows.subList(0, limit).stream().map(Row::user).toList(),
				Position.token(query.fingerprint(), last.user().sub(), last.sortKey()));
	}

	/** The SQL of one page; package-private so a test can EXPLAIN exactly what runs. */
	Query query(PoolUserSettings pool, Optional<UserFilter> filter, int limit, String paginationToken) {
		String fingerprint = fingerprint(pool.poolId(), filter);
		Optional<Position> after = Position.parse(paginationToken, fingerprint);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("poolId", pool.poolId());
		parameters.put("limit", limit + 1);
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(", ");
		if (filter.isEmpty()) {
			sql.append("CAST(NULL AS text) AS sort_key, created_at AS sort_time FROM user_pool.user_account WHERE pool_id = :poolId");
			if (after.isPresent()) {
				sql.append(" AND (created_at, sub) > (:afterTime, :afterSub)");
				parameters.put("afterTime", OffsetDateTime.ofInstant(
						Instant.EPOCH.plus(micros(after.get().key()), ChronoUnit.MICROS), ZoneOffset.UTC));
				parameters.put("afterSub", after.get().sub());
			}
			sql.append(" ORDER BY created_at, sub LIMIT :limit");
			return new Query(sql.toString(), parameters, fingerprint);
		}
		SearchAttribute attribute = filter.get().attribute();
		String key = attribute.key();
		String value = filter.get().value();
		if (attribute == SearchAttribute.USERNAME) {
			value = SignInNames.usernameKey(pool, value);
		}
		parameters.put("value", value);
		sql.append(key).append(" AS sort_key, created_at AS sort_time FROM user_pool.user_account WHERE pool_id = :poolId");
		if (filter.get().operator() == UserFilter.Operator.EQUALS) {
			sql.append(" AND ").append(key).append(" = ").append(attribute.value(":value"));
		}
		else {
			sql.append(" AND ").append(key).append(" >= ").append(attribute.value(":value"));
			if (!value.isEmpty()) {
				sql.append(" AND ").append(key).append(" < user_pool.prefix_upper_bound(").append(attribute.value(":value"))
					.append(")");
			}
		}
		if (after.isPresent()) {
			sql.append(" AND (").append(key).append(", sub) > (:afterKey, :afterSub)");
			parameters.put("afterKey", after.get().key());
			parameters.put("afterSub", after.get().sub());
		}
		sql.append(" ORDER BY ").append(key).append(", sub LIMIT :limit");
		return new Query(sql.toString(), parameters, fingerprint);
	}

	private static long micros(String key) {
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw InvalidUserParameterException.username("Invalid PaginationToken.");
		}
	}

	/** The token of a page that ends at {@code sub} with {@code sortKey}; for tests of deep pages. */
	static String tokenAt(PoolUserSettings pool, Optional<UserFilter> filter, UUID sub, String sortKey) {
		return Position.token(fingerprint(pool.poolId(), filter), sub, sortKey);
	}

	record Query(String sql, Map<String, Object> parameters, String fingerprint) {
	}

	private static String fingerprint(String poolId, Optional<UserFilter> filter) {
		String text = poolId + "\n" + filter.map((f) -> f.attribute() + "\n" + f.operator() + "\n" + f.value()).orElse("");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		User user = new User(rs.getObject("sub", UUID.class), rs.getString("pool_id"), rs.getString("username"),
				ATTRIBUTES_JSON.convertToEntityAttribute(rs.getString("attributes")),
				UserStatus.valueOf(rs.getString("status")), rs.getBoolean("enabled"), instant(rs, "created_at"),
				instant(rs, "updated_at"), instant(rs, "password_changed_at"),
				instant(rs, "temporary_password_expires_at"));
		String sortKey = rs.getString("sort_key");
		if (sortKey == null) {
			sortKey = Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant(rs, "sort_time")));
		}
		return new Row(user, sortKey);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private record Row(User user, String sortKey) {
	}

	/**
	 * Where the last page ended: the listing's fingerprint (pool and filter, so a token is refused with any
	 * other filter), the last sub and its sort key. Encoded, not sealed: it holds nothing the caller cannot list.
	 */
	private record Position(UUID sub, String key) {

		static String token(String fingerprint, UUID sub, String key) {
			String text = fingerprint + "\n" + sub + "\n" + key;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Optional<Position> parse(String token, String fingerprint) {
			if (token == null) {
				return Optional.empty();
			}
			try {
				String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
				String[] parts = text.split("\n", 3);
				if (parts.length == 3 && parts[0].equals(fingerprint)) {
					return Optional.of(new Position(UUID.fromString(parts[1]), parts[2]));
				}
			}
			catch (IllegalArgumentException ex) {
				// Falls through to the refusal.
			}
			throw InvalidUserParameterException.username("Invalid PaginationToken.");
		}

	}

}
