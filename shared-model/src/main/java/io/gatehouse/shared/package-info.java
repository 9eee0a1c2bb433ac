/**
 * Plain-Java contracts shared by the Gatehouse services and by resource servers: token claim names,
 * AWS wire shapes, AWS Signature Version 4 and the IAM policy language. No Spring, no JPA.
 */
package io.gatehouse.shared;
