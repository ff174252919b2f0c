package io.reserva.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller or handler that an AI assistant's key (role {@code assistant}) may call. Every other handler
 * refuses such a key with {@code 403}, whatever else it allows. The handler still decides what the assistant may
 * do there (its own tools only); other keys are checked as usual.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AssistantEndpoint {}
