package org.chatline.common.web;

import org.chatline.common.api.ApiException;
import org.chatline.common.security.ServiceCaller;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets an internal endpoint take the verified calling service as a {@link ServiceCaller} parameter. */
public class ServiceCallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return ServiceCaller.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object user = webRequest.getAttribute(AuthenticationFilter.SERVICE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (user == null) {
			throw ApiException.unauthorized("Service credential required");
		}
		return user;
	}
}
