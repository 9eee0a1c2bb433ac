package io.gatehouse.userpool.code;

/** Cognito's {@code DeliveryMediumType}. */
public enum DeliveryMedium {

	EMAIL, SMS

}
