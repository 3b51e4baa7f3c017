package org.chatline.group.groups;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.chatline.common.api.DomainException;
import org.chatline.common.api.ImageUrls;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.group.users.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups themselves: create, read, list, update, delete. Memberships are {@link MembershipService}'s. */
@Service
class GroupService {

	private final GroupRepository groups;

	private final GroupEvents events;

	private final UserDirectory users;

	private final ProfileProperties profiles;

	GroupService(GroupRepository groups, GroupEvents events, UserDirectory users, ProfileProperties profiles) {
		this.groups = groups;
		this.events = events;
		this.users = users;
		this.profiles = profiles;
	}

	@Transactional
	public GroupResponse create(AuthenticatedUser caller, CreateGroupRequest request) {
		requireSafeCover(request.cover());
		// A deleted user's token stays valid for a few minutes; their group would outlive them.
		if (!users.confirmCaller(caller.id(), caller.username())) {
			throw MembershipService.callerGone();
		}
		Instant now = now();
		Group group = new Group(UUID.randomUUID(), request.title(), GroupRules.emptyToNull(request.description()),
				GroupRules.emptyToNull(request.cover()), GroupType.valueOf(request.type()), now, now);
		groups.insert(group);
		groups.addMember(group.id(), caller.id(), Role.OWNER, now);
		events.created(group, caller.id(), caller.id());
		return GroupResponse.of(group, 1);
	}

	/** Members read PRIVATE and SECRET groups; anyone authenticated reads a PUBLIC one. */
	@Transactional(readOnly = true)
	public GroupDetails get(AuthenticatedUser caller, UUID id) {
		Group group = groups.find(id).orElseThrow(Group::notFound);
		List<Member> members = groups.members(id);
		boolean member = members.stream().anyMatch(m -> m.userId().equals(caller.id()));
		if (!member && group.type() != GroupType.PUBLIC) {
			throw group.refuseOutsider();
		}
		return GroupDetails.of(group, members);
	}

	@Transactional(readOnly = true)
	public PageResponse<GroupSummary> mine(AuthenticatedUser caller, Paging paging) {
		List<GroupSummary> page = groups.groupsOf(caller.id(), paging.limit(), paging.offset())
			.stream()
			.map(GroupSummary::of)
			.toList();
		return PageResponse.of(page, paging, groups.countGroupsOf(caller.id()));
	}

	/** OWNER and ADMIN only. */
	@Transactional
	public GroupResponse update(AuthenticatedUser caller, UUID id, UpdateGroupRequest request) {
		if (request.isEmpty()) {
			throw DomainException.invalid("At least one of title, description, cover, type is required");
		}
		requireSafeCover(request.cover());
		Group group = groups.lock(id).orElseThrow(Group::notFound);
		Role role = groups.roleOf(id, caller.id()).orElseThrow(group::refuseOutsider);
		if (!role.manages()) {
			throw DomainException.forbidden("Only the owner or an admin can update the group");
		}
		Group updated = new Group(id, request.title() != null ? request.title() : group.title(),
				request.description() != null ? GroupRules.emptyToNull(request.description()) : group.description(),
				request.cover() != null ? GroupRules.emptyToNull(request.cover()) : group.cover(),
				request.type() != null ? GroupType.valueOf(request.type()) : group.type(), group.createdAt(), now());
		groups.update(updated);
		List<Member> members = groups.members(id);
		events.updated(updated, ownerOf(members), members.stream().map(Member::userId).toList(), caller.id());
		return GroupResponse.of(updated, members.size());
	}

	/** A cover is shown as an image by every client: an https:// URL or nothing (empty). */
	private void requireSafeCover(String cover) {
		String problem = (cover == null || cover.isEmpty()) ? null : ImageUrls.problem(cover, profiles.allowHttpUrls());
		if (problem != null) {
			throw DomainException.invalid("cover: " + problem);
		}
	}

	/** OWNER only. */
	@Transactional
	public void delete(AuthenticatedUser caller, UUID id) {
		Group group = groups.lock(id).orElseThrow(Group::notFound);
		Role role = groups.roleOf(id, caller.id()).orElseThrow(group::refuseOutsider);
		if (role != Role.OWNER) {
			throw DomainException.forbidden("Only the owner can delete the group");
		}
		List<UUID> memberIds = groups.memberIds(id);
		groups.delete(id);
		events.deleted(group, caller.id(), memberIds, caller.id());
	}

	static UUID ownerOf(List<Member> members) {
		return members.stream().filter(m -> m.role() == Role.OWNER).map(Member::userId).findFirst().orElse(null);
	}

	static Instant now() {
		// PostgreSQL keeps microseconds; milliseconds keep responses and stored values identical.
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}
}
