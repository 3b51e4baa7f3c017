package org.chatline.common.api;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The contract's paginated envelope: {@code {success, data: [...], pagination}}. */
@JsonPropertyOrder({ "success", "data", "pagination" })
public record PageResponse<T>(boolean success, List<T> data, Pagination pagination) {

	public record Pagination(int page, int limit, long total, long totalPages) {
	}

	public static <T> PageResponse<T> of(List<T> items, Paging paging, long total) {
		long totalPages = total == 0 ? 0 : (total + paging.limit() - 1) / paging.limit();
		return new PageResponse<>(true, items, new Pagination(paging.page(), paging.limit(), total, totalPages));
	}

	public <R> PageResponse<R> map(Function<T, R> mapper) {
		return new PageResponse<>(success, data.stream().map(mapper).toList(), pagination);
	}
}
