package io.gatehouse.userpool.admin;

import java.io.PrintStream;

import io.gatehouse.userpool.config.GatehouseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start: installs the configured admin key, or generates one on the first start and prints it once.
 * The secret goes to the console only, never through the logging system, and is never shown again.
 */
@Component
final class AdminKeyBootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AdminKeyBootstrap.class);

	private final AdminAccessKeys keys;

	private final AdminProperties properties;

	private final GatehouseProperties gatehouse;

	private final PrintStream console;

	AdminKeyBootstrap(AdminAccessKeys keys, AdminProperties properties, GatehouseProperties gatehouse) {
		this.keys = keys;
		this.properties = properties;
		this.gatehouse = gatehouse;
		this.console = System.out;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.keys.bootstrap(this.properties).ifPresentOrElse(this::show, () -> {
			if (this.properties.configured()) {
				logger.info("Admin API: SigV4 access key {} from gatehouse.admin.access-key-id",
						this.properties.accessKeyId());
			}
		});
	}

	private void show(AdminAccessKeys.GeneratedKey key) {
		String endpoint = this.gatehouse.publicBaseUrl().toString().replaceAll("/+$", "");
		String region = this.gatehouse.region();
		String rule = "=".repeat(78);
		this.console.println();
		this.console.println(rule);
		this.console.println(" Gatehouse generated an admin access key. It is shown ONCE; store it now.");
		this.console.println();
		this.console.println("   Access key id:     " + key.accessKeyId());
		this.console.println("   Secret access key: " + key.secretAccessKey());
		this.console.println();
		this.console.println(" Use it with the AWS CLI:");
		this.console.println("   aws configure --profile gatehouse   # enter the key above, region " + region);
		this.console.println("   aws --profile gatehouse --endpoint-url " + endpoint
				+ " cognito-idp list-user-pools --max-results 10");
		this.console.println(" or with curl:");
		this.console.println("   curl --aws-sigv4 \"aws:amz:" + region + ":cognito-idp\" --user \"" + key.accessKeyId()
				+ ":<secret>\" \\");
		this.console.println("     -H 'Content-Type: application/x-amz-json-1.1' \\");
		this.console.println("     -H 'X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools' \\");
		this.console.println("     -d '{\"MaxResults\":10}' " + endpoint + "/");
		this.console.println();
		this.console.println(" To choose your own key instead, set gatehouse.admin.access-key-id and");
		this.console.println(" gatehouse.admin.secret-access-key; the generated key is then removed.");
		this.console.println(rule);
		this.console.println();
		logger.warn("Generated admin access key {}; its secret was printed to the console once", key.accessKeyId());
	}

}
