package org.chatline.group.groups;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /groups/{id}}: absent (or null) fields stay as they are; an empty
 * description or cover removes it. At least one field is required.
 */
record UpdateGroupRequest(
		@Size(min = 1, max = 100, message = "must be 1-100 characters")
		@Pattern(regexp = GroupRules.NOT_BLANK, message = "must not be blank") String title,
		@Size(max = 500, message = "must be at most 500 characters") String description,
		@Size(max = 2048, message = "must be at most 2048 characters")
		@Pattern(regexp = GroupRules.URL_OR_EMPTY, message = "must be an http(s) URL") String cover,
		@Pattern(regexp = GroupRules.TYPES, message = "must be one of PRIVATE, PUBLIC, SECRET") String type) {

	boolean isEmpty() {
		return title == null && description == null && cover == null && type == null;
	}
}
