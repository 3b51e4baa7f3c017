package org.chatline.call.calls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL. {@link #lock} is how every transition starts: it serializes transitions of one call. */
@Repository
class CallRepository {

	private final JdbcClient jdbc;

	CallRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Call call) {
		jdbc.sql("""
				insert into call (id, initiator_id, group_id, room_id, type, status, created_at, ring_deadline, ended_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(call.id(), call.initiatorId(), call.groupId(), call.roomId(), call.type().name(),
					call.status().name(), ts(call.createdAt()), ts(call.ringDeadline()), ts(call.endedAt()))
			.update();
		int position = 0;
		for (Participant p : call.participants()) {
			jdbc.sql("""
					insert into call_participant (call_id, user_id, initiator, position, call_created_at, joined_at,
					    left_at, rejected_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(call.id(), p.userId(), p.isInitiator(), position++, ts(call.createdAt()), ts(p.joinedAt()),
						ts(p.leftAt()), ts(p.rejectedAt()))
				.update();
		}
	}

	/** The call with its row locked until the transaction ends ({@code select ... for update}). */
	Optional<Call> lock(UUID id) {
		return load("select * from call where id = ? for update", id);
	}

	Optional<Call> find(UUID id) {
		return load("select * from call where id = ?", id);
	}

	/** Writes the call's status and the participants that changed. */
	void update(Call call) {
		jdbc.sql("update call set status = ?, ended_at = ? where id = ?")
			.params(call.status().name(), ts(call.endedAt()), call.id())
			.update();
		for (Participant p : call.participants()) {
			if (p.changed()) {
				jdbc.sql("""
						update call_participant set joined_at = ?, left_at = ?, rejected_at = ?
						where call_id = ? and user_id = ?""")
					.params(ts(p.joinedAt()), ts(p.leftAt()), ts(p.rejectedAt()), call.id(), p.userId())
					.update();
			}
		}
	}

	/** Which of these users are in a call (joined and not left), other than {@code exceptCallId}. */
	List<UUID> inACall(Collection<UUID> userIds, UUID exceptCallId) {
		return jdbc.sql("""
				select user_id from call_participant
				where user_id = any(?) and joined_at is not null and left_at is null and call_id <> ?""")
			.params(userIds.toArray(UUID[]::new), exceptCallId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Ringing calls past their deadline, locked; calls another transaction holds (being answered
	 * right now, or taken by another replica's sweeper) are skipped, not waited for.
	 */
	List<UUID> lockExpiredRinging(Instant now, int limit) {
		return jdbc.sql("""
				select id from call where status = 'RINGING' and ring_deadline <= ?
				order by ring_deadline limit ? for update skip locked""")
			.params(ts(now), limit)
			.query(UUID.class)
			.list();
	}

	List<CallSummary> history(UUID userId, int limit, long offset) {
		return jdbc.sql("""
				select c.id, c.type, c.status, c.initiator_id, c.created_at, c.ended_at
				from call_participant p join call c on c.id = p.call_id
				where p.user_id = ?
				order by p.call_created_at desc, p.call_id desc limit ? offset ?""")
			.params(userId, limit, offset)
			.query((rs, row) -> new CallSummary(rs.getObject("id", UUID.class), rs.getString("type"),
					rs.getString("status"), rs.getObject("initiator_id", UUID.class), instant(rs, "created_at"),
					instant(rs, "ended_at")))
			.list();
	}

	long countHistory(UUID userId) {
		return jdbc.sql("select count(*) from call_participant where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/** Reads the call row first: when it is locked, the participants are read under that lock. */
	private Optional<Call> load(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query((rs, row) -> new CallRow(rs)).optional().map(row -> row.toCall(participants(id)));
	}

	private List<Participant> participants(UUID callId) {
		return jdbc.sql("select * from call_participant where call_id = ? order by position")
			.param(callId)
			.query((rs, row) -> new Participant(rs.getObject("user_id", UUID.class), rs.getBoolean("initiator"),
					instant(rs, "joined_at"), instant(rs, "left_at"), instant(rs, "rejected_at")))
			.list();
	}

	private record CallRow(UUID id, UUID initiatorId, UUID groupId, String roomId, CallType type, CallStatus status,
			Instant createdAt, Instant ringDeadline, Instant endedAt) {

		CallRow(ResultSet rs) throws SQLException {
			this(rs.getObject("id", UUID.class), rs.getObject("initiator_id", UUID.class),
					rs.getObject("group_id", UUID.class), rs.getString("room_id"), CallType.valueOf(rs.getString("type")),
					CallStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "ring_deadline"),
					instant(rs, "ended_at"));
		}

		Call toCall(List<Participant> participants) {
			return new Call(id, initiatorId, groupId, roomId, type, status, createdAt, ringDeadline, endedAt, participants);
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
