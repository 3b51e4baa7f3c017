package org.chatline.user.directory;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserServiceTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void escapesLikeWildcardsSoTheyMatchLiterally() {
		assertThat(UserService.escapeLike("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
	}

	@Test
	void acceptsAWellFormedNewUser() {
		assertThat(validator.validate(new CreateUserRequest(UUID.randomUUID(), "john_doe", "john@example.com")))
			.isEmpty();
	}

	@Test
	void rejectsBadUsernamesAndEmailsOfANewUser() {
		Set<ConstraintViolation<CreateUserRequest>> violations = validator
			.validate(new CreateUserRequest(null, "jo", "nope"));
		assertThat(violations).extracting(v -> v.getPropertyPath().toString())
			.containsExactlyInAnyOrder("id", "username", "email");
	}

	@Test
	void letsAnUpdateLeaveEveryFieldOut() {
		assertThat(validator.validate(new UpdateUserRequest(null, null, null))).isEmpty();
		assertThat(validator.validate(new UpdateUserRequest("bad name", null, null))).hasSize(1);
	}
}
