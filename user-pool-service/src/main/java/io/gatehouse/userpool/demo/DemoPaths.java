package io.gatehouse.userpool.demo;

import io.gatehouse.userpool.config.GatehouseProperties;

/** Where the demo app lives: a relying party served by the same service, at {@code /demo}. */
public final class DemoPaths {

	public static final String HOME = "/demo";

	public static final String START = "/demo/start";

	public static final String CALLBACK = "/demo/callback";

	private DemoPaths() {
	}

	/** The public base URL without a trailing slash. */
	static String base(GatehouseProperties gatehouse) {
		return gatehouse.publicBaseUrl().toString().replaceAll("/+$", "");
	}

}
