package org.chatline.call.calls;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.chatline.call.CallProperties;
import org.chatline.call.groups.GroupDirectory;
import org.chatline.call.jitsi.JitsiRooms;
import org.chatline.call.jitsi.JitsiUser;
import org.chatline.call.users.UserDirectory;
import org.chatline.call.users.UserProfile;
import org.chatline.common.api.ApiException;
import org.chatline.common.api.DomainException;
import org.chatline.common.api.ErrorCode;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call use cases. Questions for other services (who exists, who is in a group) are asked
 * before a transaction opens, so no database connection waits on the network; the state changes
 * themselves are {@link CallTransitions}.
 */
@Service
class CallService {

	private final CallTransitions transitions;

	private final CallRepository calls;

	private final UserDirectory users;

	private final GroupDirectory groups;

	private final JitsiRooms jitsi;

	private final CallProperties properties;

	CallService(CallTransitions transitions, CallRepository calls, UserDirectory users, GroupDirectory groups,
			JitsiRooms jitsi, CallProperties properties) {
		this.transitions = transitions;
		this.calls = calls;
		this.users = users;
		this.groups = groups;
		this.jitsi = jitsi;
		this.properties = properties;
	}

	CallSession initiate(AuthenticatedUser caller, CreateCallRequest request) {
		List<UUID> invitees = invitees(caller.id(), request);
		UserProfile me = profile(caller);
		Call call = Call.start(caller.id(), request.groupId(), jitsi.newRoom(), CallType.valueOf(request.type()), invitees,
				Instant.now().truncatedTo(ChronoUnit.MICROS), properties.ringTimeout());
		transitions.start(call);
		return session(call, me);
	}

	CallSession join(AuthenticatedUser caller, UUID callId) {
		UserProfile me = profile(caller);
		return session(transitions.join(callId, caller.id()), me);
	}

	EndedCall end(AuthenticatedUser caller, UUID callId) {
		Call call = transitions.end(callId, caller.id());
		return new EndedCall(call.id(), call.status().name(), call.endedAt());
	}

	void leave(AuthenticatedUser caller, UUID callId) {
		transitions.leave(callId, caller.id());
	}

	RejectedCall reject(AuthenticatedUser caller, UUID callId) {
		Call call = transitions.reject(callId, caller.id());
		return new RejectedCall(call.id(), call.status().name());
	}

	@Transactional(readOnly = true)
	public CallResponse get(AuthenticatedUser caller, UUID callId) {
		return calls.find(callId)
			.filter(call -> call.isParticipant(caller.id()))
			.map(CallResponse::of)
			.orElseThrow(() -> DomainException.notFound("Call not found"));
	}

	@Transactional(readOnly = true)
	public PageResponse<CallSummary> history(AuthenticatedUser caller, Paging paging) {
		return PageResponse.of(calls.history(caller.id(), paging.limit(), paging.offset()), paging,
				calls.countHistory(caller.id()));
	}

	private List<UUID> invitees(UUID initiatorId, CreateCallRequest request) {
		List<UUID> listed = request.participantIdsOrEmpty();
		if (new HashSet<>(listed).size() != listed.size()) {
			throw DomainException.invalid("participantIds: must not contain duplicates");
		}
		if (listed.contains(initiatorId)) {
			throw DomainException.invalid("participantIds: must not include the initiator");
		}
		List<UUID> invitees = request.groupId() == null ? directInvitees(listed)
				: groupInvitees(initiatorId, request.groupId(), listed);
		if (invitees.size() > properties.maxParticipants()) {
			throw DomainException.invalid(
					"A call may invite at most " + properties.maxParticipants() + " participants; list participantIds");
		}
		return invitees;
	}

	private List<UUID> directInvitees(List<UUID> listed) {
		if (listed.isEmpty()) {
			throw DomainException.invalid("participantIds: must not be empty");
		}
		Map<UUID, UserProfile> known = users.findAll(listed);
		for (UUID id : listed) {
			if (!known.containsKey(id)) {
				throw DomainException.notFound("Participant not found: " + id);
			}
		}
		return listed;
	}

	/** Group-service is the truth on who is a member, so members need no check against the user directory. */
	private List<UUID> groupInvitees(UUID initiatorId, UUID groupId, List<UUID> listed) {
		List<UUID> members = groups.members(groupId);
		if (!members.contains(initiatorId)) {
			throw DomainException.forbidden("You are not a member of this group");
		}
		for (UUID id : listed) {
			if (!members.contains(id)) {
				throw DomainException.invalid("participantIds: " + id + " is not a member of the group");
			}
		}
		List<UUID> invitees = listed.isEmpty()
				? members.stream().distinct().filter(id -> !id.equals(initiatorId)).toList() : listed;
		if (invitees.isEmpty()) {
			throw DomainException.invalid("The group has no other members to call");
		}
		return invitees;
	}

	/**
	 * The caller's name, email and avatar for their room token. The caller's identity is already
	 * proven, so when user-service cannot be asked the token falls back to the access token's username
	 * rather than refusing the call.
	 */
	private UserProfile profile(AuthenticatedUser caller) {
		UserProfile fallback = new UserProfile(caller.id(), caller.username(), null, null);
		try {
			return users.find(caller.id()).orElse(fallback);
		}
		catch (ApiException ex) {
			if (ex.code() != ErrorCode.SERVICE_UNAVAILABLE) {
				throw ex;
			}
			return fallback;
		}
	}

	/** Tokens go only to participants: this is reached only by the initiator or a participant who joined. */
	private CallSession session(Call call, UserProfile user) {
		boolean moderator = call.initiatorId().equals(user.id());
		String name = user.username() != null ? user.username() : "user-" + user.id().toString().substring(0, 8);
		String token = jitsi.token(call.roomId(), new JitsiUser(user.id(), name, user.avatar(), user.email()),
				moderator);
		return new CallSession(CallResponse.of(call), jitsi.roomUrl(call.roomId()), token);
	}
}
