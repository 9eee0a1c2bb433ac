package io.gatehouse.boot;

/** The master key is missing or malformed; reported in one line at start-up. */
public final class MasterKeyException extends RuntimeException {

	MasterKeyException(String message) {
		super(message);
	}

}
