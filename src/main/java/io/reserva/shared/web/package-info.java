/** HTTP pieces every module's web layer shares: the problem body and the request id. */
package io.reserva.shared.web;
