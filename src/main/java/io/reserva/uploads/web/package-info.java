/** HTTP of uploads: signing, and the local backend's signed PUT and public GET. */
package io.reserva.uploads.web;
