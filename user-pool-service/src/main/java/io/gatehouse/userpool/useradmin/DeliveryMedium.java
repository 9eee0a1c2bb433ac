package io.gatehouse.userpool.useradmin;

/** Cognito's {@code DeliveryMediumType}. */
public enum DeliveryMedium {

	SMS, EMAIL

}
