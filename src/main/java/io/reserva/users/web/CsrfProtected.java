package io.reserva.users.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public handler that still acts for the signed-in session (sign-out, switching organization, changing
 * the password), so {@link CsrfInterceptor} checks its token although the access check lets every role in.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface CsrfProtected {}
