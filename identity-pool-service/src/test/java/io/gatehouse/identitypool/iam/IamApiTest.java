package io.gatehouse.identitypool.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.gatehouse.identitypool.GatehouseTest;
import io.gatehouse.identitypool.TestGatehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The IAM subset through the AWS SDK's IAM client. */
@GatehouseTest
class IamApiTest {

	static final String POLICY = """
			{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"files:GetObject","Resource":"*"}]}""";

	@LocalServerPort
	int port;

	IamClient iam;

	@BeforeEach
	void client() {
		this.iam = TestGatehouse.iam(this.port);
	}

	@Test
	void roleLifecycleThenArnsAndUrlEncodedDocumentsAsIamReturnsThem() {
		String name = TestGatehouse.unique("lifecycle");
		String trust = TestGatehouse.trustPolicy("local-1:00000000-0000-0000-0000-000000000000", "authenticated");
		Role created = this.iam.createRole((r) -> r.roleName(name).path("/app/").description("test role")
			.assumeRolePolicyDocument(trust)).role();
		assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:role/app/" + name);
		assertThat(created.roleId()).startsWith("AROA");
		assertThat(URLDecoder.decode(created.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(trust);

		Role fetched = this.iam.getRole((r) -> r.roleName(name)).role();
		assertThat(fetched.arn()).isEqualTo(created.arn());
		assertThat(fetched.maxSessionDuration()).isEqualTo(3600);
		assertThat(this.iam.listRoles((r) -> r.pathPrefix("/app/")).roles()).extracting(Role::roleName).contains(name);

		this.iam.putRolePolicy((r) -> r.roleName(name).policyName("read").policyDocument(POLICY));
		assertThat(this.iam.listRolePolicies((r) -> r.roleName(name)).policyNames()).containsExactly("read");
		assertThat(URLDecoder.decode(this.iam.getRolePolicy((r) -> r.roleName(name).policyName("read")).policyDocument(),
				StandardCharsets.UTF_8)).isEqualTo(POLICY);
		this.iam.updateAssumeRolePolicy((r) -> r.roleName(name).policyDocument(trust.replace("authenticated", "unauthenticated")));

		assertThatExceptionOfType(DeleteConflictException.class).isThrownBy(() -> this.iam.deleteRole((r) -> r.roleName(name)));
		this.iam.deleteRolePolicy((r) -> r.roleName(name).policyName("read"));
		this.iam.deleteRole((r) -> r.roleName(name));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.iam.getRole((r) -> r.roleName(name)));
	}

	@Test
	void malformedPolicyThenMalformedPolicyDocumentAndNothingStored() {
		String name = TestGatehouse.unique("malformed");
		assertThatExceptionOfType(MalformedPolicyDocumentException.class)
			.isThrownBy(() -> this.iam.createRole((r) -> r.roleName(name).assumeRolePolicyDocument("{\"Statement\":")));
		assertThatExceptionOfType(NoSuchEntityException.class).isThrownBy(() -> this.iam.getRole((r) -> r.roleName(name)));

		this.iam.createRole((r) -> r.roleName(name).assumeRolePolicyDocument(TestGatehouse.trustPolicy("x", "y")));
		assertThatExceptionOfType(MalformedPolicyDocumentException.class).isThrownBy(() -> this.iam
			.putRolePolicy((r) -> r.roleName(name).policyName("bad").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
		String nested = "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
		assertThatExceptionOfType(MalformedPolicyDocumentException.class)
			.isThrownBy(() -> this.iam.putRolePolicy((r) -> r.roleName(name).policyName("nested").policyDocument(nested)));
		assertThat(this.iam.listRolePolicies((r) -> r.roleName(name)).policyNames()).isEmpty();
	}

	@Test
	void invalidOrDuplicateInputThenSenderErrors() {
		String name = TestGatehouse.unique("dup");
		this.iam.createRole((r) -> r.roleName(name).assumeRolePolicyDocument(TestGatehouse.trustPolicy("x", "y")));
		assertThatExceptionOfType(EntityAlreadyExistsException.class).isThrownBy(() -> this.iam
			.createRole((r) -> r.roleName(name).assumeRolePolicyDocument(TestGatehouse.trustPolicy("x", "y"))));
		assertThatExceptionOfType(IamException.class)
			.isThrownBy(() -> this.iam.createRole((r) -> r.roleName("bad name!").assumeRolePolicyDocument("{}")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam.getRolePolicy((r) -> r.roleName(name).policyName("absent")));
	}

	@Test
	void openIdConnectProviderLifecycle() {
		String url = TestGatehouse.issuerUrl(TestGatehouse.unique("iamoidc"));
		String arn = this.iam.createOpenIDConnectProvider((r) -> r.url(url).clientIDList("a", "b")).openIDConnectProviderArn();
		assertThat(arn).isEqualTo("arn:aws:iam::000000000000:oidc-provider/" + url.substring("http://".length()));
		GetOpenIdConnectProviderResponse provider = this.iam.getOpenIDConnectProvider((r) -> r.openIDConnectProviderArn(arn));
		assertThat(provider.url()).isEqualTo(url.substring("http://".length()));
		assertThat(provider.clientIDList()).containsExactly("a", "b");
		assertThat(this.iam.listOpenIDConnectProviders().openIDConnectProviderList()).anySatisfy((p) -> assertThat(p.arn()).isEqualTo(arn));
		assertThatExceptionOfType(EntityAlreadyExistsException.class)
			.isThrownBy(() -> this.iam.createOpenIDConnectProvider((r) -> r.url(url).clientIDList("a")));
		this.iam.deleteOpenIDConnectProvider((r) -> r.openIDConnectProviderArn(arn));
		assertThatExceptionOfType(NoSuchEntityException.class)
			.isThrownBy(() -> this.iam.getOpenIDConnectProvider((r) -> r.openIDConnectProviderArn(arn)));
		assertThatExceptionOfType(IamException.class)
			.isThrownBy(() -> this.iam.createOpenIDConnectProvider((r) -> r.url("ftp://example.com").clientIDList("a")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void unknownKeyOrWrongSecretOrTemporaryCredentialsWithoutIamPolicyThenRefused() {
		try (IamClient stranger = TestGatehouse.iam(this.port, AwsBasicCredentials.create("AKIASTRANGER00000000", "whatever"))) {
			assertThatExceptionOfType(IamException.class).isThrownBy(stranger::listRoles)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
		}
		try (IamClient forger = TestGatehouse.iam(this.port, AwsBasicCredentials.create(TestGatehouse.ADMIN_KEY, "wrong"))) {
			assertThatExceptionOfType(IamException.class).isThrownBy(forger::listRoles)
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
		}
	}

}
