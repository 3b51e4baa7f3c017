package org.chatline.group.groups;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.chatline.common.api.ApiException;
import org.chatline.common.api.DomainException;
import org.chatline.common.security.AuthenticatedUser;
import org.chatline.group.api.GroupMemberResponse;
import org.chatline.group.api.GroupMembersResponse;
import org.chatline.group.api.UserGroupsResponse;
import org.chatline.group.users.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who belongs to a group and with which role. Every change locks the group row first (see
 * {@link GroupRepository#lock}), so concurrent adds, removals, leaves and hand-overs apply one at a
 * time and a group is never left without an owner.
 */
@Service
class MembershipService {

	private final GroupRepository groups;

	private final GroupEvents events;

	private final UserDirectory users;

	private final TransactionTemplate tx;

	MembershipService(GroupRepository groups, GroupEvents events, UserDirectory users,
			PlatformTransactionManager transactionManager) {
		this.groups = groups;
		this.events = events;
		this.users = users;
		this.tx = new TransactionTemplate(transactionManager);
	}

	/** A member's role, for the services that keep a copy of memberships. */
	public GroupMemberResponse member(UUID groupId, UUID userId) {
		return groups.roleOf(groupId, userId)
			.map(role -> new GroupMemberResponse(groupId, userId, role.name()))
			.orElseThrow(() -> DomainException.notFound("Member not found"));
	}

	@Transactional(readOnly = true)
	public GroupMembersResponse members(UUID groupId) {
		groups.find(groupId).orElseThrow(Group::notFound);
		return new GroupMembersResponse(groupId, groups.memberIds(groupId));
	}

	public UserGroupsResponse groupsOf(UUID userId) {
		return new UserGroupsResponse(userId, groups.groupIdsOf(userId));
	}

	/** OWNER and ADMIN add members; only the OWNER adds an ADMIN. */
	public void add(AuthenticatedUser caller, UUID groupId, AddMemberRequest request) {
		Role role = request.roleOrDefault();
		// Permission first, so outsiders cannot probe which users exist; then the user check, which
		// may ask user-service, before any row is locked or a connection held.
		Group group = groups.find(groupId).orElseThrow(Group::notFound);
		authorizeAdd(group, groups.roleOf(groupId, caller.id()), role);
		requireUser(request.userId());
		tx.executeWithoutResult(status -> {
			lockUser(request.userId());
			Group locked = groups.lock(groupId).orElseThrow(Group::notFound);
			// Again under the lock: the caller may have lost their role in the meantime.
			authorizeAdd(locked, groups.roleOf(groupId, caller.id()), role);
			if (!groups.addMember(groupId, request.userId(), role, GroupService.now())) {
				throw DomainException.conflict("User is already a member of this group");
			}
			events.memberAdded(groupId, request.userId(), role, caller.id());
		});
	}

	/** Any authenticated user joins a PUBLIC group as a MEMBER. */
	@Transactional
	public void join(AuthenticatedUser caller, UUID groupId) {
		if (!users.confirmCaller(caller.id(), caller.username())) {
			throw callerGone();
		}
		Group group = groups.lock(groupId).orElseThrow(Group::notFound);
		if (groups.roleOf(groupId, caller.id()).isPresent()) {
			throw DomainException.conflict("You are already a member of this group");
		}
		if (group.type() != GroupType.PUBLIC) {
			throw group.type() == GroupType.SECRET ? Group.notFound()
					: DomainException.forbidden("Only public groups can be joined; ask an admin to add you");
		}
		groups.addMember(groupId, caller.id(), Role.MEMBER, GroupService.now());
		events.memberAdded(groupId, caller.id(), Role.MEMBER, caller.id());
	}

	/**
	 * OWNER removes ADMINs and MEMBERs; an ADMIN removes MEMBERs only; nobody removes the OWNER.
	 * Removing oneself is leaving.
	 */
	@Transactional
	public void remove(AuthenticatedUser caller, UUID groupId, UUID userId) {
		if (userId.equals(caller.id())) {
			leave(caller, groupId);
			return;
		}
		Group group = groups.lock(groupId).orElseThrow(Group::notFound);
		Role role = groups.roleOf(groupId, caller.id()).orElseThrow(group::refuseOutsider);
		if (!role.manages()) {
			throw DomainException.forbidden("Only the owner or an admin can remove members");
		}
		Role target = groups.roleOf(groupId, userId).orElseThrow(() -> DomainException.notFound("Member not found"));
		if (target == Role.OWNER) {
			throw DomainException.forbidden("The owner cannot be removed from the group");
		}
		if (target == Role.ADMIN && role != Role.OWNER) {
			throw DomainException.forbidden("Only the owner can remove an admin");
		}
		groups.removeMember(groupId, userId);
		events.memberRemoved(groupId, userId, caller.id());
	}

	/** OWNER only, between MEMBER and ADMIN; the owner's own role passes on only by leaving. */
	@Transactional
	public GroupDetails.MemberView changeRole(AuthenticatedUser caller, UUID groupId, UUID userId,
			ChangeRoleRequest request) {
		Group group = groups.lock(groupId).orElseThrow(Group::notFound);
		Role role = groups.roleOf(groupId, caller.id()).orElseThrow(group::refuseOutsider);
		if (role != Role.OWNER) {
			throw DomainException.forbidden("Only the owner can change member roles");
		}
		Member target = groups.members(groupId)
			.stream()
			.filter(m -> m.userId().equals(userId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("Member not found"));
		if (target.role() == Role.OWNER) {
			throw DomainException.forbidden("The owner's role cannot be changed");
		}
		Role newRole = Role.valueOf(request.role());
		if (newRole != target.role()) {
			groups.setRole(groupId, userId, newRole);
			events.roleChanged(groupId, userId, newRole, caller.id());
		}
		return new GroupDetails.MemberView(userId, newRole, target.joinedAt());
	}

	@Transactional
	public void leave(AuthenticatedUser caller, UUID groupId) {
		Group group = groups.lock(groupId).orElseThrow(Group::notFound);
		Role role = groups.roleOf(groupId, caller.id()).orElseThrow(group::refuseOutsider);
		depart(group, caller.id(), role, caller.id());
	}

	/** A deleted user leaves every group, with the same hand-over as leaving by oneself. */
	@Transactional
	public void removeEverywhere(UUID userId, UUID actorId) {
		// Marking the user gone takes their row lock first, as adds do, so an add in flight either
		// commits before the groups are read below or sees the user gone.
		users.forget(userId);
		for (UUID groupId : groups.groupIdsOf(userId)) {
			Optional<Group> group = groups.lock(groupId);
			Optional<Role> role = groups.roleOf(groupId, userId);
			if (group.isPresent() && role.isPresent()) {
				depart(group.get(), userId, role.get(), actorId);
			}
		}
	}

	/**
	 * Removes a member who leaves. The OWNER's role passes to the longest-standing ADMIN, else the
	 * longest-standing MEMBER; the last member leaving deletes the group. The group row is locked.
	 */
	private void depart(Group group, UUID userId, Role role, UUID actorId) {
		groups.removeMember(group.id(), userId);
		List<Member> rest = groups.members(group.id());
		if (rest.isEmpty()) {
			events.memberRemoved(group.id(), userId, actorId);
			groups.delete(group.id());
			events.deleted(group, userId, List.of(), actorId);
			return;
		}
		if (role == Role.OWNER) {
			Member heir = rest.stream().filter(m -> m.role() == Role.ADMIN).findFirst().orElse(rest.get(0));
			groups.setRole(group.id(), heir.userId(), Role.OWNER);
			// Published before the removal, so projections never see the group without an owner.
			events.ownershipTransferred(group.id(), heir.userId(), userId, actorId);
		}
		events.memberRemoved(group.id(), userId, actorId);
	}

	private void requireUser(UUID userId) {
		if (!users.exists(userId)) {
			throw DomainException.notFound("User not found");
		}
	}

	private void lockUser(UUID userId) {
		if (!users.lockIfExists(userId)) {
			throw DomainException.notFound("User not found");
		}
	}

	private static void authorizeAdd(Group group, Optional<Role> callerRole, Role newRole) {
		Role role = callerRole.orElseThrow(group::refuseOutsider);
		if (!role.manages()) {
			throw DomainException.forbidden("Only the owner or an admin can add members");
		}
		if (newRole == Role.ADMIN && role != Role.OWNER) {
			throw DomainException.forbidden("Only the owner can make someone an admin");
		}
	}

	/** The caller's token is valid but their account has been deleted. */
	static ApiException callerGone() {
		return ApiException.unauthorized("User no longer exists");
	}
}
