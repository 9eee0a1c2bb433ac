package io.gatehouse.userpool.pool;

/**
 * A request names a value that is out of range, malformed or inconsistent with other settings. The
 * message is written for the caller: it names members and constraints, never stored values.
 */
public class InvalidSettingException extends RuntimeException {

	public InvalidSettingException(String message) {
		super(message, null, false, false);
	}

}
