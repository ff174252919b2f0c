/**
 * The list query language of the API ({@code $limit}, {@code $skip}, {@code $sort}, operators,
 * {@code searchTerm}, {@code $cursor}) and its translation to parameterised SQL.
 */
package io.reserva.shared.query;
