package io.gatehouse.userpool.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gatehouse.boot.MasterKey;
import io.gatehouse.userpool.config.GatehouseProperties;
import io.gatehouse.userpool.mail.EmailMessage;
import io.gatehouse.userpool.mail.EmailSender;
import io.gatehouse.userpool.mail.MessageTemplate;
import io.gatehouse.userpool.mail.SmsMessage;
import io.gatehouse.userpool.mail.SmsSender;
import io.gatehouse.userpool.pool.UserPool;
import io.gatehouse.userpool.pool.UserPoolSettings;
import io.gatehouse.userpool.pool.UserPoolSettings.VerificationMessageTemplateType;
import io.gatehouse.userpool.user.SignInAttribute;
import io.gatehouse.userpool.user.User;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a one-time code to a user by email or SMS with the pool's verification message
 * ({@code VerificationMessageTemplate}, else {@code EmailVerificationMessage}/{@code SmsVerificationMessage},
 * else Cognito's wording). The default email wording also links to the hosted page where the code is typed;
 * links are built from {@code gatehouse.public-base-url}, never from a request.
 */
@Component
public final class CodeMessages {

	private static final String HMAC = "HmacSHA256";

	private final EmailSender email;

	private final SmsSender sms;

	private final GatehouseProperties gatehouse;

	private final SecretKeySpec simulationKey;

	CodeMessages(EmailSender email, SmsSender sms, GatehouseProperties gatehouse, MasterKey masterKey) {
		this.email = email;
		this.sms = sms;
		this.gatehouse = gatehouse;
		this.simulationKey = new SecretKeySpec(masterKey.deriveKey("gatehouse/code-delivery/simulation", 32), HMAC);
	}

	/**
	 * Sends {@code code} to the user's {@code channel} (email or phone number, which the caller has checked is
	 * present and, for recovery, verified).
	 * @param signInName the name the user goes by on the hosted pages (what they typed), put in the link
	 * @throws io.gatehouse.userpool.mail.MessageDeliveryException the message could not be handed over
	 */
	public CodeDeliveryDetails send(UserPool pool, User user, String signInName, SignInAttribute channel,
			IssuedCode code, CodeMessageKind kind) {
		UserPoolSettings settings = pool.settings();
		VerificationMessageTemplateType template = settings.verificationMessageTemplate();
		if (channel == SignInAttribute.PHONE_NUMBER) {
			String phone = user.phoneNumber().orElseThrow();
			String body = first((template != null) ? template.smsMessage() : null, settings.smsVerificationMessage(),
					defaultSms(kind));
			this.sms.send(SmsMessage.of(phone, new MessageTemplate("", body).render(code.code(), user.username())));
			return new CodeDeliveryDetails(maskPhone(phone), DeliveryMedium.SMS, channel.attributeName());
		}
		String address = user.email().orElseThrow();
		String customBody = first((template != null) ? template.emailMessage() : null,
				settings.emailVerificationMessage(), null);
		String subject = first((template != null) ? template.emailSubject() : null,
				settings.emailVerificationSubject(), defaultSubject(kind));
		String body = (customBody != null) ? customBody : defaultEmail(kind, pool.id(), signInName);
		this.email.send(EmailMessage.of(address, new MessageTemplate(subject, body).render(code.code(), user.username())));
		return new CodeDeliveryDetails(maskEmail(address), DeliveryMedium.EMAIL, channel.attributeName());
	}

	/**
	 * What {@link #send} would answer for a user who does not exist (or must not get a code), for clients that
	 * must not learn that: a masked destination derived from a keyed hash of the name typed, so that asking
	 * twice gives the same answer and nothing about it says "simulated".
	 */
	public CodeDeliveryDetails simulated(String poolId, String name, DeliveryMedium medium) {
		byte[] digest = hmac(poolId + "\u0000" + name);
		if (medium == DeliveryMedium.SMS) {
			StringBuilder digits = new StringBuilder();
			for (int i = 0; i < 4; i++) {
				digits.append((char) ('0' + Math.floorMod(digest[i], 10)));
			}
			return new CodeDeliveryDetails("+*******" + digits, DeliveryMedium.SMS, SignInAttribute.PHONE_NUMBER.attributeName());
		}
		String destination = (name != null && name.indexOf('@') > 0) ? maskEmail(name)
				: (char) ('a' + Math.floorMod(digest[0], 26)) + "***@" + (char) ('a' + Math.floorMod(digest[1], 26)) + "***";
		return new CodeDeliveryDetails(destination, DeliveryMedium.EMAIL, SignInAttribute.EMAIL.attributeName());
	}

	/** {@code alice@example.com} → {@code a***@e***}, as Cognito masks. */
	static String maskEmail(String address) {
		int at = address.lastIndexOf('@');
		if (at <= 0 || at == address.length() - 1) {
			return "***";
		}
		return address.charAt(0) + "***@" + address.charAt(at + 1) + "***";
	}

	/** {@code +14155550123} → {@code +*******0123}. */
	static String maskPhone(String phone) {
		return (phone.length() < 5) ? "***" : "+*******" + phone.substring(phone.length() - 4);
	}

	private String defaultEmail(CodeMessageKind kind, String poolId, String signInName) {
		String page = switch (kind) {
			case SIGN_UP -> "confirm";
			case FORGOT_PASSWORD -> "reset-password";
			case VERIFY_ATTRIBUTE -> null;
		};
		String wording = (kind == CodeMessageKind.FORGOT_PASSWORD) ? "Your password reset code is {####}. "
				: "Your verification code is {####}. ";
		if (page == null) {
			return wording;
		}
		String link = UriComponentsBuilder.fromUri(this.gatehouse.publicBaseUrl())
			.pathSegment(poolId, page)
			.queryParam("username", "{username}")
			.encode()
			.buildAndExpand(signInName)
			.toUriString();
		return wording + "\n\nYou can also enter it at " + link + "\n";
	}

	private static String defaultSubject(CodeMessageKind kind) {
		return (kind == CodeMessageKind.FORGOT_PASSWORD) ? "Your password reset code" : "Your verification code";
	}

	private static String defaultSms(CodeMessageKind kind) {
		return (kind == CodeMessageKind.FORGOT_PASSWORD) ? "Your password reset code is {####}. "
				: "Your verification code is {####}. ";
	}

	private static String first(String a, String b, String fallback) {
		return (a != null) ? a : (b != null) ? b : fallback;
	}

	private byte[] hmac(String value) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.simulationKey);
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

}
