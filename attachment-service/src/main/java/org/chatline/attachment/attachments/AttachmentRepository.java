package org.chatline.attachment.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code attachment} table. */
@Repository
class AttachmentRepository {

	private static final String COLUMNS = """
			id, uploader_id, receiver_id, group_id, file_name, content_type, kind, declared_size, size, status,
			width, height, thumbnail, message_id, created_at, expires_at""";

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Attachment> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from attachment where id = :id").param("id", id)
			.query(AttachmentRepository::map).optional();
	}

	/** The attachments with these ids, locked until the transaction ends. */
	List<Attachment> lockAll(Collection<UUID> ids) {
		return jdbc.sql("select " + COLUMNS + " from attachment where id = any(:ids) order by id for update")
			.param("ids", ids.toArray(UUID[]::new))
			.query(AttachmentRepository::map)
			.list();
	}

	void insert(Attachment a) {
		jdbc.sql("""
				insert into attachment (id, uploader_id, receiver_id, group_id, file_name, content_type, kind,
				    declared_size, status, thumbnail, created_at, expires_at)
				values (:id, :uploader, :receiver, :group, :name, :type, :kind, :size, 'PENDING', 'NONE', :created, :expires)""")
			.param("id", a.id()).param("uploader", a.uploaderId()).param("receiver", a.receiverId())
			.param("group", a.groupId()).param("name", a.fileName()).param("type", a.contentType())
			.param("kind", a.kind()).param("size", a.declaredSize())
			.param("created", Timestamp.from(a.createdAt())).param("expires", Timestamp.from(a.expiresAt()))
			.update();
	}

	/** Serialises one uploader's rate and quota checks with their insert, on every instance. */
	void lockUploader(UUID uploaderId) {
		jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", uploaderId.getMostSignificantBits() ^ uploaderId.getLeastSignificantBits())
			.query((rs, n) -> 1).single();
	}

	int startedSince(UUID uploaderId, Instant since) {
		return jdbc.sql("select count(*) from attachment where uploader_id = :u and created_at > :since")
			.param("u", uploaderId).param("since", Timestamp.from(since))
			.query(Integer.class).single();
	}

	long storedBytes(UUID uploaderId) {
		return jdbc.sql("select coalesce(sum(coalesce(size, declared_size)), 0) from attachment where uploader_id = :u")
			.param("u", uploaderId).query(Long.class).single();
	}

	/** PENDING to UPLOADING for the uploader, unless expired; false when it was not so. */
	boolean startUpload(UUID id, UUID uploaderId, Duration ttl) {
		return jdbc.sql("""
				update attachment set status = 'UPLOADING', expires_at = now() + :ttl * interval '1 millisecond'
				where id = :id and uploader_id = :u and status = 'PENDING' and expires_at > now()""")
			.param("id", id).param("u", uploaderId).param("ttl", ttl.toMillis()).update() == 1;
	}

	/** UPLOADING back to PENDING: the bytes did not all arrive, the client may try again. */
	void abortUpload(UUID id) {
		jdbc.sql("update attachment set status = 'PENDING' where id = :id and status = 'UPLOADING'").param("id", id)
			.update();
	}

	/** UPLOADING to READY; false when it was not uploading any more (the sweep took it). */
	boolean markReady(UUID id, long size, Attachment.Thumbnail thumbnail) {
		return jdbc.sql("""
				update attachment set status = 'READY', size = :size, thumbnail = :thumb, completed_at = now()
				where id = :id and status = 'UPLOADING'""")
			.param("id", id).param("size", size).param("thumb", thumbnail.name()).update() == 1;
	}

	void thumbnailDone(UUID id, int width, int height) {
		jdbc.sql("update attachment set width = :w, height = :h, thumbnail = 'READY' where id = :id")
			.param("id", id).param("w", width).param("h", height).update();
	}

	void thumbnailFailed(UUID id) {
		jdbc.sql("update attachment set thumbnail = 'FAILED' where id = :id").param("id", id).update();
	}

	void claim(Collection<UUID> ids, UUID messageId) {
		jdbc.sql("update attachment set message_id = :m where id = any(:ids)")
			.param("m", messageId).param("ids", ids.toArray(UUID[]::new)).update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from attachment where id = :id").param("id", id).update();
	}

	/**
	 * Marks up to {@code limit} unfinished uploads past their time EXPIRED and returns their ids. Rows
	 * another instance's sweep holds are skipped ({@code SKIP LOCKED}), so several instances share the
	 * work without taking the same row twice; an EXPIRED row whose objects could not be deleted is
	 * taken again next time.
	 */
	List<UUID> expire(int limit) {
		return jdbc.sql("""
				update attachment set status = 'EXPIRED' where id in (
				    select id from attachment where status <> 'READY' and expires_at < now()
				    order by expires_at limit :limit for update skip locked)
				returning id""")
			.param("limit", limit).query(UUID.class).list();
	}

	/** Images whose thumbnail was due a while ago (lost with a restart, say). */
	List<UUID> overdueThumbnails(Duration overdue, int limit) {
		return jdbc.sql("""
				select id from attachment where thumbnail = 'PENDING'
				and completed_at < now() - :overdue * interval '1 millisecond' order by completed_at limit :limit""")
			.param("overdue", overdue.toMillis()).param("limit", limit).query(UUID.class).list();
	}

	private static Attachment map(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getObject("id", UUID.class), rs.getObject("uploader_id", UUID.class),
				rs.getObject("receiver_id", UUID.class), rs.getObject("group_id", UUID.class),
				rs.getString("file_name"), rs.getString("content_type"), rs.getString("kind"),
				rs.getLong("declared_size"), rs.getObject("size", Long.class),
				Attachment.Status.valueOf(rs.getString("status")), rs.getObject("width", Integer.class),
				rs.getObject("height", Integer.class), Attachment.Thumbnail.valueOf(rs.getString("thumbnail")),
				rs.getObject("message_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant());
	}
}
