package org.chatline.message.messages;

import java.util.List;

import org.chatline.common.api.DomainException;
import org.chatline.common.api.PageResponse;
import org.chatline.common.api.Paging;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search over the caller's own conversations only: full-text ({@code websearch_to_tsquery}) for
 * words and phrases, trigram {@code ILIKE} for partial words and any script; ranked, paginated.
 */
@Service
class SearchService {

	private static final String SCOPE = """
			from message m
			where m.deleted = false
			  and m.conversation_id in (
			      select conversation_id from dm_participant where user_id = :me
			      union all
			      select 'group:' || group_id from group_member where user_id = :me)
			  and (m.search @@ websearch_to_tsquery('simple', :query) or m.content ilike :pattern escape '\\')
			""";

	private final JdbcClient jdbc;

	private final MessageRepository messages;

	SearchService(JdbcClient jdbc, MessageRepository messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public PageResponse<MessageResponse> search(AuthenticatedUser caller, String query, Paging paging) {
		if (query == null || query.isBlank() || query.length() > 200) {
			throw DomainException.invalid("query: must be 1-200 characters");
		}
		String pattern = "%" + query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		List<MessageResponse> page = jdbc.sql("select m.* " + SCOPE + """
				order by greatest(ts_rank(m.search, websearch_to_tsquery('simple', :query)),
				                  similarity(m.content, :query)) desc, m.created_at desc, m.id
				limit :limit offset :offset""")
			.param("me", caller.id())
			.param("query", query.strip())
			.param("pattern", pattern)
			.param("limit", paging.limit())
			.param("offset", paging.offset())
			.query(messages::map)
			.list()
			.stream()
			.map(MessageResponse::of)
			.toList();
		long total = jdbc.sql("select count(*) " + SCOPE)
			.param("me", caller.id())
			.param("query", query.strip())
			.param("pattern", pattern)
			.query(Long.class)
			.single();
		return PageResponse.of(page, paging, total);
	}
}
