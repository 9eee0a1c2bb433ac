package io.gatehouse.userpool.code;

/**
 * Cognito's {@code CodeDeliveryDetailsType}: where a code went, masked ({@code a***@e***},
 * {@code +*******0123}).
 *
 * @param attributeName {@code email} or {@code phone_number}
 */
public record CodeDeliveryDetails(String destination, DeliveryMedium deliveryMedium, String attributeName) {
}
