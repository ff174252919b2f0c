/**
 * The small kernel every module shares: identifiers, the error model and the list query language.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.reserva.shared;
