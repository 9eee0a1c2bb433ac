package io.gatehouse.identitypool;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityPoolApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityPoolApplication.class, args);
	}

}
