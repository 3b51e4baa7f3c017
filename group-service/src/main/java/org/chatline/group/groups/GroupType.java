package org.chatline.group.groups;

/**
 * Who may see a group. PRIVATE: members only, outsiders are refused (403). SECRET: members only,
 * outsiders cannot tell it exists (404). PUBLIC: any authenticated user may read it and join it.
 */
enum GroupType {

	PRIVATE, PUBLIC, SECRET
}
