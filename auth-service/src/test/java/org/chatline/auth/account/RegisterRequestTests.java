package org.chatline.auth.account;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterRequestTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private Set<String> invalidFields(RegisterRequest request) {
		return validator.validate(request)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.collect(java.util.stream.Collectors.toSet());
	}

	@Test
	void acceptsTheContractExample() {
		assertThat(invalidFields(new RegisterRequest("john_doe", "john@example.com", "Password123"))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "ab", "abc-def", "abc def", "ümlaut", "'" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "'" })
	void rejectsUsernamesOutsideTheContract(String username) {
		assertThat(invalidFields(new RegisterRequest(username, "john@example.com", "Password123")))
			.containsExactly("username");
	}

	@Test
	void acceptsUsernamesAtTheLimits() {
		assertThat(invalidFields(new RegisterRequest("a_1", "john@example.com", "Password123"))).isEmpty();
		assertThat(invalidFields(new RegisterRequest("A".repeat(50), "john@example.com", "Password123"))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "plainaddress", "a@b", "@example.com", "john@", "john doe@example.com" })
	void rejectsMalformedEmails(String email) {
		assertThat(invalidFields(new RegisterRequest("john_doe", email, "Password123"))).containsExactly("email");
	}

	@ParameterizedTest
	@CsvSource({ "Pass123", "password123", "PASSWORD123", "Passwordabc" })
	void rejectsWeakPasswords(String password) {
		assertThat(invalidFields(new RegisterRequest("john_doe", "john@example.com", password)))
			.containsExactly("password");
	}

	@Test
	void requiresEveryField() {
		assertThat(invalidFields(new RegisterRequest(null, null, null))).containsExactlyInAnyOrder("username",
				"email", "password");
	}
}
