package io.gatehouse.identitypool.role;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.gatehouse.boot.ExpiringCache;
import io.gatehouse.identitypool.Refusal;
import io.gatehouse.identitypool.RefusedException;
import io.gatehouse.identitypool.config.GatehouseProperties;
import io.gatehouse.shared.policy.MalformedPolicyException;
import io.gatehouse.shared.policy.Policy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Roles, their trust policies and inline policies: the model behind the IAM subset. */
@Service
public class RoleService {

	private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

	private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");

	private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]{0,510}/");

	private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final RoleRepository roles;

	private final RolePolicyRepository policies;

	private final GatehouseProperties gatehouse;

	private final Clock clock;

	private final ExpiringCache<String, Optional<RolePolicies>> cache;

	RoleService(RoleRepository roles, RolePolicyRepository policies, GatehouseProperties gatehouse,
			RoleProperties properties, Clock clock) {
		this.roles = roles;
		this.policies = policies;
		this.gatehouse = gatehouse;
		this.clock = clock;
		this.cache = new ExpiringCache<>(properties.policyCacheTtl(), clock);
	}

	@Transactional
	public RoleView create(String name, String path, String assumeRolePolicy, String description,
			Integer maxSessionDuration) {
		requireName(name);
		String rolePath = (path == null || path.isEmpty()) ? "/" : path;
		if (!PATH.matcher(rolePath).matches()) {
			throw RefusedException.invalidParameter("The specified value for path is invalid.");
		}
		int duration = (maxSessionDuration == null) ? 3600 : maxSessionDuration;
		if (duration < 3600 || duration > 43200) {
			throw RefusedException.invalidParameter("MaxSessionDuration must be between 3600 and 43200 seconds.");
		}
		if (description != null && description.length() > 1000) {
			throw RefusedException.invalidParameter("Description must be at most 1000 characters.");
		}
		parseTrust(assumeRolePolicy);
		if (this.roles.existsById(name)) {
			throw new RefusedException(Refusal.ALREADY_EXISTS, "Role with name " + name + " already exists.");
		}
		Role role = new Role(name, "AROA" + randomId(17), rolePath, description, assumeRolePolicy, duration,
				this.clock.instant());
		return view(this.roles.save(role));
	}

	@Transactional(readOnly = true)
	public RoleView get(String name) {
		return view(find(name));
	}

	@Transactional(readOnly = true)
	public List<RoleView> list(String pathPrefix) {
		String prefix = (pathPrefix == null || pathPrefix.isEmpty()) ? "/" : pathPrefix;
		return this.roles.findAllByOrderByNameAsc()
			.stream()
			.filter((role) -> role.path().startsWith(prefix))
			.map(this::view)
			.toList();
	}

	@Transactional
	public void delete(String name) {
		Role role = find(name);
		if (this.policies.countByRoleName(name) > 0) {
			throw new RefusedException(Refusal.CONFLICT, "Cannot delete entity, must delete policies first.");
		}
		this.roles.delete(role);
		this.cache.clear();
	}

	@Transactional
	public void updateAssumeRolePolicy(String name, String document) {
		Role role = find(name);
		parseTrust(document);
		role.assumeRolePolicy(document);
		this.cache.clear();
	}

	@Transactional
	public void putRolePolicy(String name, String policyName, String document) {
		Role role = find(name);
		if (policyName == null || !POLICY_NAME.matcher(policyName).matches()) {
			throw RefusedException.invalidParameter("The specified value for policyName is invalid.");
		}
		parsePermissions(document);
		RolePolicy policy = this.policies.findById(new RolePolicy.Key(name, policyName)).orElse(null);
		if (policy == null) {
			if (this.policies.countByRoleName(name) >= 10) {
				throw new RefusedException(Refusal.LIMIT_EXCEEDED, "Cannot exceed quota for PoliciesPerRole: 10.");
			}
			this.policies.save(new RolePolicy(name, policyName, document));
		}
		else {
			policy.document(document);
		}
		role.touch();
		this.cache.clear();
	}

	@Transactional(readOnly = true)
	public String getRolePolicy(String name, String policyName) {
		find(name);
		return this.policies.findById(new RolePolicy.Key(name, String.valueOf(policyName)))
			.map(RolePolicy::document)
			.orElseThrow(() -> RefusedException
				.notFound("The role policy with name " + policyName + " cannot be found."));
	}

	@Transactional(readOnly = true)
	public List<String> listRolePolicies(String name) {
		find(name);
		return this.policies.findByRoleNameOrderByPolicyNameAsc(name).stream().map(RolePolicy::policyName).toList();
	}

	@Transactional
	public void deleteRolePolicy(String name, String policyName) {
		Role role = find(name);
		RolePolicy policy = this.policies.findById(new RolePolicy.Key(name, String.valueOf(policyName)))
			.orElseThrow(() -> RefusedException
				.notFound("The role policy with name " + policyName + " cannot be found."));
		this.policies.delete(policy);
		role.touch();
		this.cache.clear();
	}

	/**
	 * The role an ARN names, with its parsed policies; cached for {@code gatehouse.roles.policy-cache-ttl}.
	 * Empty when the ARN names no role of this account.
	 */
	@Transactional(readOnly = true)
	public Optional<RolePolicies> policiesOf(String roleArn) {
		return this.cache.get(roleArn, this::load);
	}

	private Optional<RolePolicies> load(String roleArn) {
		if (roleArn == null || !roleArn.startsWith(this.gatehouse.iamArn("role/"))) {
			return Optional.empty();
		}
		String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
		Optional<Role> role = this.roles.findById(name);
		if (role.isEmpty() || !arn(role.get()).equals(roleArn)) {
			return Optional.empty();
		}
		List<String> names = new ArrayList<>();
		List<Policy> parsed = new ArrayList<>();
		for (RolePolicy policy : this.policies.findByRoleNameOrderByPolicyNameAsc(name)) {
			names.add(policy.policyName());
			parsed.add(Policy.parse(policy.document()));
		}
		return Optional.of(new RolePolicies(view(role.get()), Policy.parseTrustPolicy(role.get().assumeRolePolicy()),
				names, parsed));
	}

	private Role find(String name) {
		if (name == null || !ROLE_NAME.matcher(name).matches()) {
			throw RefusedException.invalidParameter("The specified value for roleName is invalid.");
		}
		return this.roles.findById(name)
			.orElseThrow(() -> RefusedException.notFound("The role with name " + name + " cannot be found."));
	}

	private static void requireName(String name) {
		if (name == null || !ROLE_NAME.matcher(name).matches()) {
			throw RefusedException.invalidParameter("The specified value for roleName is invalid.");
		}
	}

	private static void parseTrust(String document) {
		if (document == null) {
			throw RefusedException.invalidParameter("AssumeRolePolicyDocument is required.");
		}
		try {
			Policy.parseTrustPolicy(document);
		}
		catch (MalformedPolicyException ex) {
			throw new RefusedException(Refusal.MALFORMED_POLICY, ex.getMessage());
		}
	}

	private static void parsePermissions(String document) {
		if (document == null) {
			throw RefusedException.invalidParameter("PolicyDocument is required.");
		}
		try {
			Policy.parse(document);
		}
		catch (MalformedPolicyException ex) {
			throw new RefusedException(Refusal.MALFORMED_POLICY, ex.getMessage());
		}
	}

	private RoleView view(Role role) {
		return new RoleView(role.name(), role.roleId(), role.path(), arn(role), role.description(),
				role.assumeRolePolicy(), role.maxSessionDuration(), role.createdAt());
	}

	private String arn(Role role) {
		return this.gatehouse.iamArn("role" + role.path() + role.name());
	}

	private static String randomId(int length) {
		java.security.SecureRandom random = new java.security.SecureRandom();
		StringBuilder out = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			out.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
		}
		return out.toString();
	}

}
