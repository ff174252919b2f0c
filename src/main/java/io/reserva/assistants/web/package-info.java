/** HTTP for AI assistants: their management, the REST face of their tools, and the MCP endpoint. */
package io.reserva.assistants.web;
