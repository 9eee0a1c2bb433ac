package io.gatehouse.userpool;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class UserPoolApplication {

	public static void main(String[] args) {
		SpringApplication.run(UserPoolApplication.class, args);
	}

}
