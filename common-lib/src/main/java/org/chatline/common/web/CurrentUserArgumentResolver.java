package org.chatline.common.web;

import org.chatline.common.api.ApiException;
import org.chatline.common.security.AuthenticatedUser;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take the verified caller as an {@link AuthenticatedUser} parameter. */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return AuthenticatedUser.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object user = webRequest.getAttribute(AuthenticationFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (user == null) {
			throw ApiException.unauthorized("Authentication required");
		}
		return user;
	}
}
