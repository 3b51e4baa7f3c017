package org.chatline.common.api;

/**
 * Validated {@code page} / {@code limit} query parameters: page 1 to 1,000,000 (default 1), limit 1
 * to 100 (default 20). The page bound keeps every offset within what databases and Spring Data take.
 */
public record Paging(int page, int limit) {

	public static final int DEFAULT_LIMIT = 20;

	public static final int MAX_LIMIT = 100;

	public static final int MAX_PAGE = 1_000_000;

	public static Paging of(Integer page, Integer limit) {
		int p = page == null ? 1 : page;
		int l = limit == null ? DEFAULT_LIMIT : limit;
		if (p < 1 || p > MAX_PAGE) {
			throw ApiException.validation("page must be between 1 and " + MAX_PAGE);
		}
		if (l < 1 || l > MAX_LIMIT) {
			throw ApiException.validation("limit must be between 1 and " + MAX_LIMIT);
		}
		return new Paging(p, l);
	}

	public long offset() {
		return (long) (page - 1) * limit;
	}
}
