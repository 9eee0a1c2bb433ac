/**
 * The IAM JSON policy language: parsing ({@link io.gatehouse.shared.policy.Policy#parse(String)}) and
 * evaluation ({@link io.gatehouse.shared.policy.PolicyEvaluator}) of identity-based, resource-based and
 * role trust policies, as described in the AWS IAM User Guide chapters "IAM JSON policy elements
 * reference", "Policy evaluation logic", "IAM policy elements: Variables and tags" and "IAM JSON policy
 * elements: Condition operators".
 * <p>
 * Plain Java with Jackson only, so any resource server can embed it and enforce the same rules as
 * identity-pool-service.
 */
package io.gatehouse.shared.policy;
