package io.gatehouse.userpool.user;

/**
 * Who writes attributes, which decides what may be written: an administrator (the {@code Admin*}
 * operations) may set developer-only attributes and mark email or phone verified; a user acting on their own
 * account (sign-up, {@code UpdateUserAttributes}, the hosted UI) may do neither.
 */
public enum AttributeWriter {

	ADMIN,

	SELF_SERVICE

}
