package io.gatehouse.userpool.mail;

/** Masks recipients for log lines: enough to tell messages apart, not enough to harvest addresses. */
final class Redaction {

	private Redaction() {
	}

	static String email(String address) {
		if (address == null) {
			return "(none)";
		}
		int at = address.lastIndexOf('@');
		if (at <= 0) {
			return "***";
		}
		return address.charAt(0) + "***" + address.substring(at);
	}

	static String phone(String number) {
		if (number == null || number.length() < 6) {
			return "***";
		}
		return number.substring(0, 3) + "***" + number.substring(number.length() - 2);
	}

}
